// Package interop proves phisafe's envelope package and the official AWS
// Encryption SDK for Go (v0.4.0, generated from Dafny) read each other's
// messages. It is a separate module so that the main module never depends
// on the Dafny runtime. Run its tests without -race: the official SDK has
// a data race when a client is shared.
package interop
