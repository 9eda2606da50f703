// Command localkms runs hipaatest's local AWS KMS server standalone, for a
// development stack (scripts/stack) and demos. It is a test double, NOT a
// key management service: never give it real data.
//
// Usage:
//
//	localkms -addr 127.0.0.1:4599 -cert server.crt -key server.key [-state kms-state.json]
//
// It listens on a loopback address only (it refuses any other), serves
// HTTPS with the given PEM certificate and key (or, without them, with a
// certificate from a CA generated at start, whose PEM it writes to -ca-out),
// prints "listening on https://ADDR" once it accepts connections, and serves
// until SIGTERM or SIGINT. Clients sign with the fixed test credentials
// (hipaatest.TestAccessKeyID and hipaatest.TestSecretAccessKey) unless
// -access-key and -secret-key, or -any-credentials, say otherwise.
package main

import (
	"context"
	"crypto/tls"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/phisafe/phisafe/hipaatest"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "localkms:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("localkms", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:4599", "loopback `host:port` to listen on (127.0.0.1, ::1 or localhost)")
	certFile := fs.String("cert", "", "PEM server certificate `file` (with -key); default: generate a test CA and certificate")
	keyFile := fs.String("key", "", "PEM private key `file` of -cert")
	caOut := fs.String("ca-out", "", "write the generated CA certificate (PEM) to this `file` (without -cert)")
	state := fs.String("state", "", "keep keys and aliases in this JSON `file` across restarts (holds key material in clear)")
	region := fs.String("region", hipaatest.DefaultRegion, "AWS `region` to serve")
	account := fs.String("account", hipaatest.DefaultAccount, "12-digit `account` id in ARNs")
	accessKey := fs.String("access-key", hipaatest.TestAccessKeyID, "access key `id` clients must sign with")
	secretKey := fs.String("secret-key", hipaatest.TestSecretAccessKey, "`secret` access key clients must sign with")
	anyCreds := fs.Bool("any-credentials", false, "accept any access key id (signatures are then not verified)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if err := checkLoopback(*addr); err != nil {
		return err
	}

	opts := []hipaatest.KMSOption{
		hipaatest.WithRegion(*region),
		hipaatest.WithAccount(*account),
		hipaatest.WithCredentials(*accessKey, *secretKey),
	}
	if *anyCreds {
		opts = append(opts, hipaatest.WithAnyCredentials())
	}
	if *state != "" {
		opts = append(opts, hipaatest.WithStateFile(*state))
	}
	switch {
	case *certFile != "" && *keyFile != "":
		cert, err := tls.LoadX509KeyPair(*certFile, *keyFile)
		if err != nil {
			return fmt.Errorf("load certificate: %w", err)
		}
		opts = append(opts, hipaatest.WithCertificate(cert, nil))
	case *certFile != "" || *keyFile != "":
		return errors.New("-cert and -key go together")
	}

	srv, err := hipaatest.NewKMSServer(opts...)
	if err != nil {
		return err
	}
	if *caOut != "" {
		if *certFile != "" {
			return errors.New("-ca-out applies only to a generated certificate (no -cert)")
		}
		if err := os.WriteFile(*caOut, srv.CAPEM(), 0o644); err != nil {
			return fmt.Errorf("write CA: %w", err)
		}
	}

	l, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGINT)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(l) }()
	// Serve has set the URL by the time it accepts; l is already listening,
	// so connections made from now on are queued and served.
	fmt.Println("listening on https://" + l.Addr().String())

	select {
	case err := <-done:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return err
	case sig := <-sigs:
		fmt.Fprintf(os.Stderr, "localkms: %v, shutting down\n", sig)
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			return err
		}
		if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	}
}

// checkLoopback refuses an address whose host is not a loopback IP literal
// or "localhost": the server holds test keys under fixed credentials and
// must not be reachable from the network.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("-addr %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("-addr %q: refusing to listen on a non-loopback address (use 127.0.0.1, ::1 or localhost)", addr)
}
