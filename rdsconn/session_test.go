package rdsconn

import (
	"context"
	"crypto/tls"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/internal/testenv"
)

// fakePG is a PostgreSQL server for one connection: it accepts TLS with
// a test certificate, trusts the user, and answers every query with one
// row (ssl, version, cipher) as pg_stat_ssl would. closed is closed when
// the client has gone.
type fakePG struct {
	addr   string
	closed chan struct{}
	err    atomic.Pointer[error]
}

func startFakePG(t *testing.T, pki *testenv.PKI, ssl, version string) *fakePG {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	f := &fakePG{addr: ln.Addr().String(), closed: make(chan struct{})}
	t.Cleanup(func() { ln.Close() })
	go func() {
		defer close(f.closed)
		c, err := ln.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		if err := f.serve(c, pki, ssl, version); err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, net.ErrClosed) {
			f.err.Store(&err)
		}
	}()
	return f
}

func (f *fakePG) serve(c net.Conn, pki *testenv.PKI, ssl, version string) error {
	_ = c.SetDeadline(time.Now().Add(10 * time.Second))
	msg, err := pgproto3.NewBackend(c, c).ReceiveStartupMessage()
	if err != nil {
		return err
	}
	if _, ok := msg.(*pgproto3.SSLRequest); !ok {
		return errors.New("fake server: no SSLRequest first")
	}
	if _, err := c.Write([]byte{'S'}); err != nil {
		return err
	}
	tc := tls.Server(c, hipaa.ServerTLSConfig(pki.Cert))
	if err := tc.Handshake(); err != nil {
		return err
	}
	be := pgproto3.NewBackend(tc, tc)
	if _, err := be.ReceiveStartupMessage(); err != nil {
		return err
	}
	be.Send(&pgproto3.AuthenticationOk{})
	be.Send(&pgproto3.ParameterStatus{Name: "server_version", Value: "15.0"})
	be.Send(&pgproto3.ParameterStatus{Name: "client_encoding", Value: "UTF8"})
	be.Send(&pgproto3.BackendKeyData{ProcessID: 1, SecretKey: []byte{0, 0, 0, 2}})
	be.Send(&pgproto3.ReadyForQuery{TxStatus: 'I'})
	if err := be.Flush(); err != nil {
		return err
	}
	for {
		m, err := be.Receive()
		if err != nil {
			return err
		}
		switch m.(type) {
		case *pgproto3.Query:
			be.Send(&pgproto3.RowDescription{Fields: []pgproto3.FieldDescription{
				{Name: []byte("ssl"), DataTypeOID: 16, DataTypeSize: 1, TypeModifier: -1},
				{Name: []byte("version"), DataTypeOID: 25, DataTypeSize: -1, TypeModifier: -1},
				{Name: []byte("cipher"), DataTypeOID: 25, DataTypeSize: -1, TypeModifier: -1},
			}})
			be.Send(&pgproto3.DataRow{Values: [][]byte{[]byte(ssl), []byte(version), []byte("TLS_AES_128_GCM_SHA256")}})
			be.Send(&pgproto3.CommandComplete{CommandTag: []byte("SELECT 1")})
			be.Send(&pgproto3.ReadyForQuery{TxStatus: 'I'})
			if err := be.Flush(); err != nil {
				return err
			}
		case *pgproto3.Terminate:
			return nil
		default:
			return errors.New("fake server: unexpected message")
		}
	}
}

// TestPostgresSessionCheck: a server whose pg_stat_ssl says the session
// is not encrypted, or is below TLS 1.2, is refused and the connection
// closed, even though the client's own handshake was fine.
func TestPostgresSessionCheck(t *testing.T) {
	pki := testenv.NewPKI(t, false)
	cases := []struct {
		name, ssl, version string
		ok                 bool
	}{
		{"ssl-false", "f", "", false},
		{"tls11", "t", "TLSv1.1", false},
		{"tls10", "t", "TLSv1", false},
		{"garbage", "t", "TLSv1.3\x00\x01", false},
		{"tls13", "t", "TLSv1.3", true},
		{"tls12", "t", "TLSv1.2", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := startFakePG(t, pki, c.ssl, c.version)
			policy, rec := newPolicy()
			db, err := OpenPostgresDB(testCtx(t), policy, pgURL(srv.addr, fakeUser, fakePassword, fakeDB, ""), withRoots(pki.Pool))
			if c.ok {
				if err != nil {
					t.Fatal(err)
				}
				db.Close()
			} else {
				var se *SessionError
				if !errors.As(err, &se) || !errors.Is(err, hipaa.ErrInsecureTransport) {
					t.Fatalf("err = %v, want a *SessionError", err)
				}
				if len(connectEvents(rec, hipaa.OutcomeFailed)) != 1 || len(connectEvents(rec, hipaa.OutcomeSuccess)) != 0 {
					t.Errorf("events: %+v", rec.Events())
				}
			}
			select {
			case <-srv.closed:
			case <-time.After(5 * time.Second):
				t.Fatal("the connection was not closed")
			}
			if p := srv.err.Load(); p != nil {
				t.Fatalf("fake server: %v", *p)
			}
		})
	}
}

// fakeMyConnector stands in for the MySQL driver's connector: it reports
// a verified handshake and a session whose Ssl_version it was given.
type fakeMyConnector struct {
	version string
	conns   []*fakeMyConn
}

func (f *fakeMyConnector) Connect(ctx context.Context) (driver.Conn, error) {
	ma := ctx.Value(mysqlAttemptKey{}).(*mysqlAttempt)
	ma.a.setTLS(tls.ConnectionState{Version: tls.VersionTLS13, CipherSuite: tls.TLS_AES_128_GCM_SHA256})
	c := &fakeMyConn{version: f.version}
	f.conns = append(f.conns, c)
	return c, nil
}

func (f *fakeMyConnector) Driver() driver.Driver { return nil }

type fakeMyConn struct {
	version string
	closed  bool
}

func (c *fakeMyConn) Prepare(string) (driver.Stmt, error) { return nil, errors.New("not supported") }
func (c *fakeMyConn) Close() error                        { c.closed = true; return nil }
func (c *fakeMyConn) Begin() (driver.Tx, error)           { return nil, errors.New("not supported") }

func (c *fakeMyConn) QueryContext(_ context.Context, q string, _ []driver.NamedValue) (driver.Rows, error) {
	if q != mysqlSessionQuery {
		return nil, errors.New("unexpected query")
	}
	return &fakeRows{rows: [][2]string{{"Ssl_cipher", "TLS_AES_128_GCM_SHA256"}, {"Ssl_version", c.version}}}, nil
}

type fakeRows struct {
	rows [][2]string
	i    int
}

func (r *fakeRows) Columns() []string { return []string{"Variable_name", "Value"} }
func (r *fakeRows) Close() error      { return nil }
func (r *fakeRows) Next(dest []driver.Value) error {
	if r.i >= len(r.rows) {
		return io.EOF
	}
	dest[0], dest[1] = []byte(r.rows[r.i][0]), []byte(r.rows[r.i][1])
	r.i++
	return nil
}

// TestMySQLSessionCheck: the connector closes a connection whose server
// reports no TLS or a protocol below TLS 1.2.
func TestMySQLSessionCheck(t *testing.T) {
	for _, c := range []struct {
		version string
		ok      bool
	}{{"", false}, {"TLSv1.1", false}, {"TLSv1", false}, {"TLSv1.2", true}, {"TLSv1.3", true}} {
		t.Run("version="+c.version, func(t *testing.T) {
			policy, rec := newPolicy()
			inner := &fakeMyConnector{version: c.version}
			conn, err := (&mysqlConnector{t: &target{policy: policy, resource: "mysql://db.example.com:3306/clinic", auth: "password"}, inner: inner}).Connect(context.Background())
			if len(inner.conns) != 1 {
				t.Fatalf("%d connections", len(inner.conns))
			}
			if c.ok {
				if err != nil || inner.conns[0].closed {
					t.Fatalf("err = %v, closed = %v", err, inner.conns[0].closed)
				}
				checkConnectAudit(t, rec, 1)
				return
			}
			var se *SessionError
			if conn != nil || !errors.As(err, &se) || !errors.Is(err, hipaa.ErrInsecureTransport) {
				t.Fatalf("conn = %v, err = %v, want a *SessionError", conn, err)
			}
			if !inner.conns[0].closed {
				t.Error("the connection was not closed")
			}
			if len(connectEvents(rec, hipaa.OutcomeFailed)) != 1 {
				t.Errorf("events: %+v", rec.Events())
			}
		})
	}
}

// TestMySQLConnectRequiresVerifiedHandshake: a connection the driver
// returns without this package's handshake record is refused.
func TestMySQLConnectRequiresVerifiedHandshake(t *testing.T) {
	policy, _ := newPolicy()
	inner := connectorFunc(func(context.Context) (driver.Conn, error) { return &fakeMyConn{version: "TLSv1.3"}, nil })
	_, err := (&mysqlConnector{t: &target{policy: policy}, inner: inner}).Connect(context.Background())
	if tlsReason(err) != "not-tls" {
		t.Fatalf("err = %v, want a not-tls refusal", err)
	}
}

type connectorFunc func(context.Context) (driver.Conn, error)

func (f connectorFunc) Connect(ctx context.Context) (driver.Conn, error) { return f(ctx) }
func (f connectorFunc) Driver() driver.Driver                            { return nil }
