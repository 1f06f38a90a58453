package offline

// Workshop downloads offline: initWorkshopForGameServer names the folder; downloadItem copies the
// catalogue item's files into <folder>/steamapps/workshop/content/<app id>/<file id>/, where
// SteamCMD and a game server's BInitWorkshopForGameServer put them. The copy runs on a goroutine
// into a temporary folder beside the target, renamed into place only when complete, so a failed,
// oversized or interrupted download never leaves a half-installed item. The goroutine touches no
// Godot object: it reports through the event queue (item_downloaded, then item_installed), and
// takes b.mu only to install and report, after checking that the server was not shut down.
// suspendDownloads pauses them (ugc_suspend.go).
//
// Results: RESULT_OK; RESULT_FILE_NOT_FOUND for an item not in the catalogue or whose folder is
// gone; RESULT_LIMIT_EXCEEDED for an item above the catalogue's max_item_bytes; RESULT_FAIL when
// its files cannot be read or the install folder cannot be written (with an error naming why).

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/gosteam/godot-steam-server/steam"
)

type download struct {
	downloaded, total atomic.Uint64
	started           atomic.Bool // false while pending (before the size is known)
}

type installed struct {
	size      uint64
	folder    string
	timestamp uint32
}

type workshopState struct {
	folder    string // the content folder, <folder>/steamapps/workshop/content/<app id>; "" before InitWorkshop
	active    map[uint64]*download
	installed map[uint64]installed
	stop      chan struct{}
	wg        *sync.WaitGroup
	gate      *downloadGate // suspendDownloads (ugc_suspend.go)
	// afterChunk, for tests, runs after each chunk copied (on the download's goroutine).
	afterChunk func()
}

const copyChunk = 64 << 10

func (b *Backend) InitWorkshop(depot uint32, folder string) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	content := filepath.Join(folder, "steamapps", "workshop", "content", strconv.FormatUint(uint64(b.effectiveAppID()), 10))
	if err := os.MkdirAll(content, 0o755); err != nil {
		return fmt.Errorf("the workshop folder cannot be made: %v", err)
	}
	ws := &b.ws
	ws.folder = content
	ws.afterChunk = b.opts.AfterWorkshopChunk
	if ws.active == nil {
		ws.active = map[uint64]*download{}
		ws.stop = make(chan struct{})
		ws.wg = &sync.WaitGroup{}
	}
	ws.pauseGate()
	ws.installed = map[uint64]installed{}
	// Items installed by an earlier run are installed: their folder's time stands for the version.
	entries, _ := os.ReadDir(content)
	for _, e := range entries {
		id, err := strconv.ParseUint(e.Name(), 10, 64)
		if err != nil || id == 0 || !e.IsDir() {
			continue
		}
		dir := filepath.Join(content, e.Name())
		size, _ := treeSize(dir)
		info, _ := e.Info()
		ws.installed[id] = installed{size: uint64(size), folder: dir, timestamp: uint32(info.ModTime().Unix())}
	}
	return nil
}

// stopDownloads ends the downloads under way and waits for them; called by Shutdown before it
// takes b.mu, which the downloads take to finish.
func (b *Backend) stopDownloads() {
	b.mu.Lock()
	stop, wg := b.ws.stop, b.ws.wg
	if stop != nil {
		close(stop)
	}
	b.ws = workshopState{}
	b.mu.Unlock()
	if wg != nil {
		wg.Wait()
	}
}

var errNoWorkshop = errors.New("the workshop is not initialized: call initWorkshopForGameServer first")

func (b *Backend) DownloadItem(id uint64, highPriority bool) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	ws := &b.ws
	if ws.folder == "" {
		return errNoWorkshop
	}
	if _, busy := ws.active[id]; busy {
		return nil // already queued: Steam only raises its priority
	}
	d := &download{}
	ws.active[id] = d
	var src string
	if it, ok := b.catalogue().Items[id]; ok {
		src = it.Folder
	}
	job := downloadJob{b: b, id: id, d: d, src: src, dst: filepath.Join(ws.folder, strconv.FormatUint(id, 10)),
		limit: b.catalogue().MaxItemBytes, app: b.effectiveAppID(), stop: ws.stop, wg: ws.wg, gate: ws.gate, afterChunk: ws.afterChunk}
	ws.wg.Add(1)
	go job.run()
	return nil
}

type downloadJob struct {
	b          *Backend
	id         uint64
	d          *download
	src, dst   string
	limit      int64
	app        uint32
	stop       chan struct{}
	wg         *sync.WaitGroup
	gate       *downloadGate
	afterChunk func()
}

var errStopped = errors.New("stopped")

func (j downloadJob) run() {
	defer j.wg.Done()
	tmp, result, err := j.copy()
	if tmp != "" && (result != steam.ResultOK) {
		os.RemoveAll(tmp)
	}
	b := j.b
	b.mu.Lock()
	defer b.mu.Unlock()
	select {
	case <-j.stop: // shut down: nothing is installed or reported
		if tmp != "" {
			os.RemoveAll(tmp)
		}
		return
	default:
	}
	delete(b.ws.active, j.id)
	if result == steam.ResultOK {
		// Replace an older version: remove it, then rename the complete copy into place.
		if err = os.RemoveAll(j.dst); err == nil {
			err = os.Rename(tmp, j.dst)
		}
		if err != nil {
			os.RemoveAll(tmp)
			result, err = steam.ResultFail, fmt.Errorf("cannot install into %s: %v", j.dst, err)
		}
	}
	if err != nil {
		steam.ReportError(fmt.Sprintf("downloadItem(%d): %v", j.id, err))
	}
	b.push(steam.ItemDownloaded{Result: result, FileID: j.id, AppID: j.app})
	if result != steam.ResultOK {
		return
	}
	var ts uint32
	if it, ok := b.catalogue().Items[j.id]; ok {
		ts = it.TimeUpdated
	}
	b.ws.installed[j.id] = installed{size: j.d.total.Load(), folder: j.dst, timestamp: ts}
	b.push(steam.ItemInstalled{AppID: j.app, FileID: j.id})
}

// copy copies the item into a temporary folder beside dst; it returns that folder ("" if none was
// made), the download's result and what went wrong.
func (j downloadJob) copy() (string, steam.Result, error) {
	if err := j.gate.wait(j.stop); err != nil {
		return "", steam.ResultCancelled, err // shut down while suspended, before it started
	}
	if j.src == "" {
		return "", steam.ResultFileNotFound, fmt.Errorf("item %d is not in the offline data file's workshop catalogue", j.id)
	}
	size, err := treeSize(j.src)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", steam.ResultFileNotFound, fmt.Errorf("the item's folder %s is gone", j.src)
	case err != nil:
		return "", steam.ResultFail, fmt.Errorf("the item's files cannot be read: %v", err)
	case size > j.limit:
		return "", steam.ResultLimitExceeded, fmt.Errorf("the item is %d bytes, above the catalogue's max_item_bytes %d", size, j.limit)
	}
	j.d.total.Store(uint64(size))
	j.d.started.Store(true)
	tmp, err := os.MkdirTemp(filepath.Dir(j.dst), "."+filepath.Base(j.dst)+".download-")
	if err != nil {
		return "", steam.ResultFail, err
	}
	err = filepath.WalkDir(j.src, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(j.src, path)
		to := filepath.Join(tmp, rel)
		switch {
		case e.IsDir():
			return os.MkdirAll(to, 0o755)
		case e.Type().IsRegular():
			return j.copyFile(path, to)
		}
		return nil // symlinks and devices are not item content
	})
	switch {
	case errors.Is(err, errStopped):
		return tmp, steam.ResultCancelled, err
	case err != nil:
		return tmp, steam.ResultFail, fmt.Errorf("copying the item's files: %v", err)
	}
	return tmp, steam.ResultOK, nil
}

func (j downloadJob) copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	buf := make([]byte, copyChunk)
	for {
		stopped := j.gate.wait(j.stop)
		select {
		case <-j.stop:
			stopped = errStopped
		default:
		}
		if stopped != nil {
			out.Close()
			return stopped
		}
		n, rerr := in.Read(buf)
		if n > 0 {
			if _, err := out.Write(buf[:n]); err != nil {
				out.Close()
				return err
			}
			j.d.downloaded.Add(uint64(n))
			if j.afterChunk != nil {
				j.afterChunk()
			}
		}
		if rerr == io.EOF {
			return out.Close()
		}
		if rerr != nil {
			out.Close()
			return rerr
		}
	}
}

func treeSize(dir string) (int64, error) {
	var size int64
	err := filepath.WalkDir(dir, func(_ string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.Type().IsRegular() {
			info, err := e.Info()
			if err != nil {
				return err
			}
			size += info.Size()
		}
		return nil
	})
	return size, err
}

func (b *Backend) ItemDownloadInfo(id uint64) (uint64, uint64, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if d, ok := b.ws.active[id]; ok {
		return d.downloaded.Load(), d.total.Load(), true
	}
	if in, ok := b.ws.installed[id]; ok {
		return in.size, in.size, true
	}
	return 0, 0, false
}

func (b *Backend) ItemInstallInfo(id uint64) (steam.InstallInfo, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	in, ok := b.ws.installed[id]
	return steam.InstallInfo{Size: in.size, Folder: in.folder, Timestamp: in.timestamp}, ok
}

// ItemState: a server subscribes to nothing, so SUBSCRIBED is never set; INSTALLED once in the
// folder, NEEDS_UPDATE when the catalogue's time_updated is newer than the installed copy,
// DOWNLOAD_PENDING until the copy starts, then DOWNLOADING.
func (b *Backend) ItemState(id uint64) steam.ItemState {
	b.mu.Lock()
	defer b.mu.Unlock()
	var st steam.ItemState
	if in, ok := b.ws.installed[id]; ok {
		st |= steam.ItemStateInstalled
		if it, ok := b.catalogue().Items[id]; ok && it.TimeUpdated > in.timestamp {
			st |= steam.ItemStateNeedsUpdate
		}
	}
	if d, ok := b.ws.active[id]; ok {
		if d.started.Load() {
			st |= steam.ItemStateDownloading
		} else {
			st |= steam.ItemStateDownloadPending
		}
	}
	return st
}

// SubscribedItems: subscriptions belong to user accounts; a game server has none.
func (b *Backend) SubscribedItems() []uint64 { return []uint64{} }
