package offline

// The journal remembers which tickets of a realm were used (replay detection) or canceled, for as
// long as that matters. Every offline backend of a process shares one journal per realm, in memory.
// A realm loaded from the environment also records each entry as an empty file in a folder beside
// its key (see realm.go), so processes that share that folder share the journal:
//
//	used-<ticket id hex>      made with O_EXCL by the first process to use the ticket: exactly one wins
//	canceled-<ticket id hex>  made by the process that issued the ticket when it is canceled
//
// A file's modification time is when it may be deleted; any process of the realm prunes old files.
// Disk errors (a read-only folder, say) leave the in-memory journal working on its own.

import (
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

const (
	pruneEvery = time.Minute
	// cancelGrace keeps a cancellation known after the ticket expired, so that sessions still holding
	// the ticket (in any process of the realm) see it at their next check.
	cancelGrace = 5 * time.Minute
)

type journal struct {
	mu        sync.Mutex
	dir       string                 // "" keeps the journal in memory only
	used      map[ticketID]time.Time // ticket -> when the entry may go
	canceled  map[ticketID]time.Time
	lastPrune time.Time
}

var journals sync.Map // fingerprint + "\x00" + dir -> *journal

func sharedJournal(fingerprint, dir string) *journal {
	j, _ := journals.LoadOrStore(fingerprint+"\x00"+dir, &journal{
		dir: dir, used: map[ticketID]time.Time{}, canceled: map[ticketID]time.Time{},
	})
	return j.(*journal)
}

func (j *journal) path(prefix string, id ticketID) string {
	return filepath.Join(j.dir, prefix+hex.EncodeToString(id[:]))
}

// mark creates the entry file; it reports false only when the file already existed.
func (j *journal) mark(prefix string, id ticketID, keepUntil time.Time) bool {
	if j.dir == "" {
		return true
	}
	p := j.path(prefix, id)
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrNotExist) {
		if os.MkdirAll(j.dir, 0o700) == nil {
			f, err = os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		}
	}
	if errors.Is(err, fs.ErrExist) {
		return false
	}
	if err != nil {
		return true // the folder is unusable: the in-memory journal decides alone
	}
	f.Close()
	_ = os.Chtimes(p, keepUntil, keepUntil)
	return true
}

// use records that a ticket was presented and reports whether it had been presented before, in this
// process or in any process sharing the journal's folder.
func (j *journal) use(id ticketID, expires time.Time) (usedBefore bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if _, ok := j.used[id]; ok {
		return true
	}
	j.used[id] = expires
	return !j.mark("used-", id, expires)
}

// cancel records that the issuer canceled a ticket.
func (j *journal) cancel(id ticketID, expires, now time.Time) {
	keep := expires
	if keep.Before(now) {
		keep = now
	}
	keep = keep.Add(cancelGrace)
	j.mu.Lock()
	defer j.mu.Unlock()
	j.canceled[id] = keep
	j.mark("canceled-", id, keep)
}

// isCanceled reports whether any process of the realm canceled the ticket.
func (j *journal) isCanceled(id ticketID) bool {
	j.mu.Lock()
	_, ok := j.canceled[id]
	j.mu.Unlock()
	if ok || j.dir == "" {
		return ok
	}
	_, err := os.Stat(j.path("canceled-", id))
	return err == nil
}

// prune forgets entries past their time, at most once per pruneEvery (or when the clock went back).
func (j *journal) prune(now time.Time) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if now.Sub(j.lastPrune) < pruneEvery && !j.lastPrune.After(now) {
		return
	}
	j.lastPrune = now
	for id, until := range j.used {
		if !now.Before(until) {
			delete(j.used, id)
		}
	}
	for id, until := range j.canceled {
		if !now.Before(until) {
			delete(j.canceled, id)
		}
	}
	if j.dir == "" {
		return
	}
	entries, err := os.ReadDir(j.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, "used-") && !strings.HasPrefix(name, "canceled-") {
			continue
		}
		if info, err := e.Info(); err == nil && !now.Before(info.ModTime()) {
			_ = os.Remove(filepath.Join(j.dir, name))
		}
	}
}
