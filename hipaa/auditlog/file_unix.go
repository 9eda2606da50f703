//go:build unix

package auditlog

import "syscall"

// oNoFollow makes opening a symbolic link fail.
const oNoFollow = syscall.O_NOFOLLOW

// dirSyncNeeded: a file's creation or rename is durable only once its
// directory is synced.
const dirSyncNeeded = true
