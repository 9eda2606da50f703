package testenv

import (
	"net"
	"os"
	"strings"
	"testing"
	"time"
)

// DBServer is one database server of the local stack (scripts/stack), as
// the stack's environment describes it. Every instance of an engine has
// the same application and admin accounts; only the transport differs.
type DBServer struct {
	Addr          string // host:port, always on 127.0.0.1
	Host, Port    string
	User          string // application user (password authentication)
	Password      string
	Database      string
	AdminUser     string // may create roles and change passwords
	AdminPassword string
	CAFile        string // PEM of the stack CA (PHISAFE_STACK_CA)
}

// Database server variants of the stack. Each is a real server.
const (
	DBMain      = ""          // TLS 1.2 and 1.3 only, certificate from the stack CA for localhost and 127.0.0.1
	DBNoTLS     = "NOTLS"     // TLS off; PostgreSQL: cleartext password authentication accepted
	DBTLS11     = "TLS11"     // TLS 1.1 is the only protocol
	DBExpired   = "EXPIRED"   // certificate from the stack CA for localhost and 127.0.0.1, expired
	DBWrongHost = "WRONGHOST" // valid certificate from the stack CA, for db.invalid only
	DBUnknownCA = "UNKNOWNCA" // certificate for localhost and 127.0.0.1 from a CA the stack CA file does not hold
)

// Postgres returns the stack's PostgreSQL server of the given variant,
// read from PHISAFE_PG[_<variant>]_ADDR and the shared PHISAFE_PG_*
// account variables; if they are unset or nothing listens there it fails
// the test under CI and skips it elsewhere (Missing).
func Postgres(tb testing.TB, variant string) DBServer {
	tb.Helper()
	return dbServer(tb, "PG", "PostgreSQL", variant)
}

// MySQL is Postgres for the stack's MariaDB servers (PHISAFE_MYSQL_*).
func MySQL(tb testing.TB, variant string) DBServer {
	tb.Helper()
	return dbServer(tb, "MYSQL", "MariaDB", variant)
}

func dbServer(tb testing.TB, engine, name, variant string) DBServer {
	tb.Helper()
	key := "PHISAFE_" + engine + "_ADDR"
	what := name + " server"
	if variant != DBMain {
		key = "PHISAFE_" + engine + "_" + variant + "_ADDR"
		what = name + " server (" + strings.ToLower(variant) + ")"
	}
	s := DBServer{
		Addr:          os.Getenv(key),
		User:          os.Getenv("PHISAFE_" + engine + "_USER"),
		Password:      os.Getenv("PHISAFE_" + engine + "_PASSWORD"),
		Database:      os.Getenv("PHISAFE_" + engine + "_DB"),
		AdminUser:     os.Getenv("PHISAFE_" + engine + "_ADMIN_USER"),
		AdminPassword: os.Getenv("PHISAFE_" + engine + "_ADMIN_PASSWORD"),
		CAFile:        os.Getenv("PHISAFE_STACK_CA"),
	}
	if s.Addr == "" || s.User == "" || s.CAFile == "" {
		Missing(tb, what+" ("+key+" unset)")
	}
	var err error
	if s.Host, s.Port, err = net.SplitHostPort(s.Addr); err != nil {
		tb.Fatalf("%s=%q: %v", key, s.Addr, err)
	}
	c, err := net.DialTimeout("tcp", s.Addr, 2*time.Second)
	if err != nil {
		Missing(tb, what+" at "+s.Addr)
	}
	c.Close()
	return s
}
