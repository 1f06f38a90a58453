package offline_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stillFor is how long a suspended download must show no progress: long enough for a running
// copy of the test's 100 KiB item to finish many times over.
const stillFor = 100 * time.Millisecond

func progress(t *testing.T, s *steam.Server, id uint64) []any {
	t.Helper()
	done, total, ok, err := s.ItemDownloadInfo(id)
	require.NoError(t, err)
	return []any{must[steam.ItemState](t)(s.ItemState(id)), done, total, ok}
}

func TestWorkshopSuspendedDownloadWaitsToStart(t *testing.T) {
	s, _ := workshopServer(t, 1, offline.Options{})
	require.NoError(t, s.SuspendDownloads(true))
	require.NoError(t, s.SuspendDownloads(true), "suspending twice is suspending")
	require.True(t, must[bool](t)(s.DownloadItem(1, false)))
	time.Sleep(stillFor)
	assert.Equal(t, []any{steam.ItemStateDownloadPending, uint64(0), uint64(0), true}, progress(t, s, 1))
	assert.Empty(t, drain(s))
	require.NoError(t, s.SuspendDownloads(false))
	assert.Equal(t, []steam.Event{steam.ItemDownloaded{Result: steam.ResultOK, FileID: 1, AppID: 480}, steam.ItemInstalled{AppID: 480, FileID: 1}}, waitDownload(t, s, 1))
}

func TestWorkshopSuspendPausesADownloadMidway(t *testing.T) {
	s, folder, firstChunk, release := heldAfterFirstChunk(t)
	require.True(t, must[bool](t)(s.DownloadItem(1, false)))
	<-firstChunk
	require.NoError(t, s.SuspendDownloads(true))
	close(release)
	time.Sleep(stillFor)
	assert.Equal(t, []any{steam.ItemStateDownloading, uint64(64 << 10), uint64(100*1024 + 5), true}, progress(t, s, 1), "paused after its first chunk")
	assert.Empty(t, drain(s))
	_, installed, _ := s.ItemInstallInfo(1)
	assert.False(t, installed)
	require.NoError(t, s.SuspendDownloads(false))
	waitDownload(t, s, 1)
	b, err := os.ReadFile(filepath.Join(folder, "steamapps", "workshop", "content", "480", "1", "map.tscn"))
	require.NoError(t, err)
	assert.Len(t, b, 100*1024, "the whole file, once resumed")
}

func TestWorkshopShutdownEndsASuspension(t *testing.T) {
	s, folder := workshopServer(t, 2, offline.Options{})
	require.NoError(t, s.SuspendDownloads(true))
	require.True(t, must[bool](t)(s.DownloadItem(1, false)))
	require.True(t, must[bool](t)(s.DownloadItem(2, true)))
	stopped := make(chan struct{})
	go func() { s.Shutdown(); close(stopped) }()
	select {
	case <-stopped:
	case <-time.After(10 * time.Second):
		t.Fatal("serverShutdown waited for suspended downloads")
	}
	entries, _ := os.ReadDir(filepath.Join(folder, "steamapps", "workshop", "content", "480"))
	assert.Empty(t, entries, "neither the items nor their temporary folders")
	assert.Zero(t, s.Events().Len())
	assert.ErrorIs(t, s.SuspendDownloads(false), steam.ErrNotInitialized)
}
