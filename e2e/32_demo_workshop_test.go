//go:build e2e

package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/e2e/internal/godot"
)

// mapItem is the catalogue's Workshop map; offline, items install under the app the server runs
// as, Spacewar (480) by default.
const (
	mapItem     = "1001"
	unknownItem = "999999"
	workshopApp = "480"
)

// mapLoaded is the demo's line once the map's pack is mounted and its scene instantiated: the
// generated map is a root and pack_workshop_map.gd's 4 spawn points.
var mapLoaded = regexp.MustCompile(`(?m)^demo: workshop item ` + mapItem + ` installed in (.+); map res://workshop/` + mapItem + `/map\.tscn loaded \(WorkshopArena, 5 nodes\)$`)

// mapOutcome is the demo's first line on the map, loaded or not (its success or failure lines).
var mapOutcome = regexp.MustCompile(`(?m)^demo: workshop item ` + mapItem + ` (?:installed|not downloaded).*$`)

// TestDemoWorkshopMap: the demo server downloads a Workshop map offline and loads it as a scene.
// The item is a .pck built at test time by demo/pack_workshop_map.gd in Godot, listed in the
// offline data file's catalogue. First run, --workshop-item with --workshop-folder: the pack is
// installed under <folder>/steamapps/workshop/content/480/1001/, the demo names the map it loaded,
// and its stop file ends it cleanly without an error. Second run, an unknown ID and the map in the
// default folder (user://workshop): the unknown ID's failure is printed, the map loads all the
// same, a client still authenticates, and the stop file still ends the server cleanly.
func TestDemoWorkshopMap(t *testing.T) {
	scratch := t.TempDir()
	pack := filepath.Join(scratch, "items", mapItem, "map.pck")
	runCheck(t, headless(t, repo.Project(), "pack", nil, "--script", "res://demo/pack_workshop_map.gd", "--",
		"--id", mapItem, "--out", pack), godot.Expect{NoErrors: true})
	data := filepath.Join(scratch, "steam_offline.json")
	writeFile(t, data, `{"format": 1, "workshop": {"items": {"`+mapItem+`": {"title": "Arena", "tags": ["map"], "folder": "items/`+mapItem+`"}}}}`)
	offlineData := "GOSTEAM_OFFLINE_DATA=" + data

	t.Run("folder", func(t *testing.T) {
		folder := filepath.Join(scratch, "server")
		server, stop, _ := startWorkshopDemo(t, []string{offlineData}, "--workshop-item", mapItem, "--workshop-folder", folder)
		checkMapInstalled(t, server, filepath.Join(folder, "steamapps", "workshop", "content", workshopApp, mapItem), pack)
		r := stopDemo(t, server, stop)
		mustPass(t, r, godot.Expect{NoErrors: true})
		mustLog(t, r, `^demo: workshop item `+mapItem+`: downloading into `+regexp.QuoteMeta(folder)+`$`, `^demo: server shut down`)
	})

	t.Run("unknown item", func(t *testing.T) {
		dataHome := filepath.Join(scratch, "data") // user:// is <XDG_DATA_HOME>/godot/app_userdata/<project name>
		config := "XDG_CONFIG_HOME=" + t.TempDir() // the client's realm is the server's
		server, stop, port := startWorkshopDemo(t, []string{offlineData, config, "XDG_DATA_HOME=" + dataHome},
			"--workshop-item", unknownItem, "--workshop-item", mapItem)
		failed := regexp.MustCompile(`(?m)^demo: workshop item ` + unknownItem + ` not downloaded: item_downloaded result 9 \(RESULT_FILE_NOT_FOUND\)$`)
		if _, err := server.WaitForLine(failed, 60*time.Second); err != nil {
			t.Fatalf("no failure reported for the unknown item: %v\n%s", err, lastLines(server.Output(), 30))
		}
		userWorkshop := filepath.Join(dataHome, "godot", "app_userdata", "Steam game server demo", "workshop")
		checkMapInstalled(t, server, filepath.Join(userWorkshop, "steamapps", "workshop", "content", workshopApp, mapItem), pack)
		mustPass(t, godot.Run(demoClient(t, config, port)), godot.Expect{Tally: true})
		r := stopDemo(t, server, stop)
		mustPass(t, r, godot.Expect{})
		// The one error is the extension's word on the unknown item.
		wantError := "ERROR: downloadItem(" + unknownItem + "): item " + unknownItem + " is not in the offline data file's workshop catalogue"
		for _, line := range regexp.MustCompile(`(?m)^ERROR:.*$`).FindAllString(r.Log, -1) {
			if line != wantError {
				t.Errorf("unexpected error line: %s", line)
			}
		}
		mustLog(t, r, `^`+regexp.QuoteMeta(wantError)+`$`, `^demo: client [0-9]+ authenticated`, `^demo: server shut down`)
	})
}

// startWorkshopDemo starts the demo server offline on loopback with a stop file; it returns the
// process, the stop file and the game port.
func startWorkshopDemo(t *testing.T, env []string, args ...string) (*godot.Process, string, string) {
	t.Helper()
	ports := freeUDPPorts(t, 2)
	port := strconv.Itoa(ports[0])
	stop := filepath.Join(t.TempDir(), "stop")
	server := start(t, headless(t, repo.Project(), "server", env, append([]string{"res://demo/server.tscn", "--",
		"--ip", "127.0.0.1", "--port", port, "--query-port", strconv.Itoa(ports[1]), "--stop-file", stop, "--max-seconds", "120"}, args...)...))
	return server, stop, port
}

// checkMapInstalled waits for the demo's map line and checks that it names installed, which holds
// a copy of the catalogue's pack, alone in the content folder (no download folder or failed item
// left beside it).
func checkMapInstalled(t *testing.T, server *godot.Process, installed, pack string) {
	t.Helper()
	line, err := server.WaitForLine(mapOutcome, 60*time.Second)
	if err != nil {
		t.Fatalf("no word on the map: %v\n%s", err, lastLines(server.Output(), 30))
	}
	m := mapLoaded.FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("the map was not loaded: %s", line)
	}
	if got := m[1]; got != installed {
		t.Errorf("the map was installed in %s, want %s", got, installed)
	}
	want, err := os.ReadFile(pack)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(filepath.Join(installed, "map.pck")); err != nil || !bytes.Equal(got, want) {
		t.Errorf("the installed map.pck is not the catalogue's (%d bytes, want %d; %v)", len(got), len(want), err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(installed)); len(entries) != 1 || entries[0].Name() != mapItem {
		t.Errorf("the content folder holds %v, want the map's folder alone", entries)
	}
}

// stopDemo creates the demo's stop file and waits for it to quit.
func stopDemo(t *testing.T, server *godot.Process, stop string) godot.Result {
	t.Helper()
	if err := os.WriteFile(stop, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	return server.Wait(30 * time.Second) // the demo polls its stop file every 0.1 s
}
