//go:build !unix

package auditlog

// oNoFollow is 0 where open has no O_NOFOLLOW; Open and Verify also
// check with Lstat that the files they use are regular files.
const oNoFollow = 0

// dirSyncNeeded: Windows cannot sync a directory and does not need to.
const dirSyncNeeded = false
