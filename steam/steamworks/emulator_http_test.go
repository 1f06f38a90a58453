//go:build cgo && linux

package steamworks

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
)

// The emulator's ISteamHTTP (gbe_fork's steam_http.cpp) answers a request from a file under
// steam_settings/http/ beside the library, named after the URL without its scheme (":" written
// ".COLON."); with [main::connectivity] download_steamhttp_requests=1 it fetches a URL it has no
// file for with libcurl, on a thread, into that file. It answers 200 with the file, or request
// success false with 404 when there is none; every answer comes both as a call result and as a
// callback. Streamed requests are answered whole, with no headers or data callbacks; cookie
// containers are never made (0); header lookups search the request's own headers; defer,
// prioritize and timeouts are accepted and change nothing. So this proves what it can: the calls
// reach the library, HTTPRequestCompleted_t comes back decoded at its real layout, once per send,
// and a body can be read, also one fetched over loopback through the emulator's own HTTP client.
func TestEmulatorHTTP(t *testing.T) {
	withEmulator(t, func(e *emulatorRun) {
		settings := filepath.Join(filepath.Dir(e.lib), "steam_settings")
		served := filepath.Join(settings, "http", "files.example", "motd.txt")
		if err := os.MkdirAll(filepath.Dir(served), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(served, []byte("welcome to the emulator"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(settings, "configs.main.ini"), []byte("[main::connectivity]\ndownload_steamhttp_requests=1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		web := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, "fetched %s over loopback", r.URL.Path)
		}))
		defer web.Close()

		srv := e.server()
		e.logOn(srv, emuConfig, nil)
		send := func(url string, context uint64, stream bool) steam.HTTPRequestCompleted {
			t.Helper()
			h, err := srv.CreateHTTPRequest(int64(steam.HTTPMethodGET), url)
			if err != nil {
				t.Fatalf("createHTTPRequest(%s): %v", url, err)
			}
			if err := srv.SetHTTPRequest(int64(h), steam.HTTPOption{Kind: steam.HTTPContextValue, N: context}); err != nil {
				t.Fatal(err)
			}
			if err := srv.SendHTTPRequest(int64(h), stream); err != nil {
				t.Fatal(err)
			}
			done := waitEvent(e, srv, func(d steam.HTTPRequestCompleted) bool { return d.Request == h })
			t.Logf("%s: HTTPRequestCompleted_t %+v", url, done)
			return done
		}
		bodyOf := func(done steam.HTTPRequestCompleted) string {
			t.Helper()
			b, err := srv.HTTPResponseBody(int64(done.Request), int64(done.BodySize))
			if err != nil {
				t.Fatalf("getHTTPResponseBodyData: %v", err)
			}
			return string(b)
		}

		done := send("http://files.example/motd.txt", 1<<40+7, false)
		want := steam.HTTPRequestCompleted{Request: done.Request, Context: 1<<40 + 7, Success: true, Status: 200, BodySize: 23}
		if done != want || bodyOf(done) != "welcome to the emulator" {
			t.Errorf("a served file: %+v %q, want %+v", done, bodyOf(done), want)
		}
		streamed := send("http://files.example/motd.txt", 8, true)
		if !streamed.Success || streamed.BodySize != 23 {
			t.Errorf("a streamed request, answered whole by the emulator: %+v", streamed)
		}
		fetched := send(web.URL+"/live.txt", 9, false)
		if !fetched.Success || fetched.Status != 200 || bodyOf(fetched) != "fetched /live.txt over loopback" {
			t.Errorf("a URL fetched by the emulator's libcurl: %+v %q", fetched, bodyOf(fetched))
		}
		refused := send("http://127.0.0.1:1/closed.txt", 10, false)
		if refused != (steam.HTTPRequestCompleted{Request: refused.Request, Context: 10, Success: false, Status: 404}) {
			t.Errorf("nothing listening: the emulator answers request success false, 404; got %+v", refused)
		}
		if err := srv.ReleaseHTTPRequest(int64(done.Request)); err != nil {
			t.Errorf("releaseHTTPRequest: %v", err)
		}
		if err := srv.ReleaseHTTPRequest(int64(done.Request)); err == nil {
			t.Error("a second releaseHTTPRequest of one request must be refused")
		}
		if _, err := srv.CreateCookieContainer(true); err == nil || !strings.Contains(err.Error(), "INVALID_HTTPCOOKIE_HANDLE") {
			t.Errorf("the emulator makes no cookie container; got %v", err)
		}
		for _, ev := range e.quiet(srv, 50) {
			if _, ok := ev.(steam.HTTPRequestCompleted); ok {
				t.Errorf("a second answer to one send: %#v", ev)
			}
		}
		if err := srv.Shutdown(); err != nil {
			t.Fatal(err)
		}
	})
}
