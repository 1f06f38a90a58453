package offline_test

import (
	"bytes"
	"crypto/x509"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
)

// The network's hard cases: redirects and cookies, both timeouts, a body over the limit, garbage
// instead of HTTP, a self-signed certificate, streaming, and requests cancelled mid-flight.

func TestHTTPRedirectsAndCookieContainers(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "session", Value: "s1", Path: "/"})
		http.Redirect(w, r, "/echo", http.StatusFound)
	})
	mux.HandleFunc("/echo", echo)
	web := httptest.NewServer(mux)
	defer web.Close()
	s := newHTTPServer(t, offline.HTTPOptions{})

	open, err := s.CreateCookieContainer(true)
	require.NoError(t, err)
	login := request(t, s, steam.HTTPMethodGET, web.URL+"/login", steam.HTTPOption{Kind: steam.HTTPCookieContainer, N: uint64(open)})
	require.NoError(t, s.SendHTTPRequest(login, false))
	assert.Equal(t, int32(200), completion(t, s, uint32(login)).Status, "the redirect was followed")
	assert.Contains(t, body(t, s, login), "GET /echo\n")
	assert.Contains(t, body(t, s, login), "cookies=session=s1\n", "the response's cookie went with the redirect")
	again := request(t, s, steam.HTTPMethodGET, web.URL+"/echo", steam.HTTPOption{Kind: steam.HTTPCookieContainer, N: uint64(open)})
	require.NoError(t, s.SendHTTPRequest(again, false))
	completion(t, s, uint32(again))
	assert.Contains(t, body(t, s, again), "cookies=session=s1\n", "the container keeps the cookie for later requests")

	closed, err := s.CreateCookieContainer(false)
	require.NoError(t, err)
	require.NoError(t, s.SetCookie(int64(closed), "127.0.0.1", "/", "mine=m1; Path=/"))
	login2 := request(t, s, steam.HTTPMethodGET, web.URL+"/login", steam.HTTPOption{Kind: steam.HTTPCookieContainer, N: uint64(closed)})
	require.NoError(t, s.SendHTTPRequest(login2, false))
	completion(t, s, uint32(login2))
	assert.Contains(t, body(t, s, login2), "cookies=mine=m1\n", "only the cookie set by the game: responses may not modify this container")

	plain := request(t, s, steam.HTTPMethodGET, web.URL+"/echo")
	require.NoError(t, s.SendHTTPRequest(plain, false))
	completion(t, s, uint32(plain))
	assert.Contains(t, body(t, s, plain), "cookies=\n", "a request without a container sends no cookie")

	require.NoError(t, s.ReleaseCookieContainer(int64(open)))
	assert.ErrorContains(t, s.ReleaseCookieContainer(int64(open)), "no cookie container")
	assert.ErrorContains(t, s.SetCookie(int64(closed), "127.0.0.1", "/", "no equals sign"), "name=value")
}

// slow answers /header after a pause, trickles /trickle one byte every 50 ms for up to 5 s, and
// /alive 20 bytes every 100 ms for 1.5 s. Every handler ends when the test's done closes.
func slowServer(t *testing.T) (*httptest.Server, chan struct{}) {
	done := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("/header", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(3 * time.Second):
		case <-done:
		case <-r.Context().Done():
		}
	})
	trickle := func(n int, every time.Duration, piece string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			for i := 0; i < n; i++ {
				io.WriteString(w, piece)
				w.(http.Flusher).Flush()
				select {
				case <-time.After(every):
				case <-done:
					return
				case <-r.Context().Done():
					return
				}
			}
		}
	}
	mux.HandleFunc("/trickle", trickle(100, 50*time.Millisecond, "x"))
	mux.HandleFunc("/alive", trickle(15, 100*time.Millisecond, strings.Repeat("a", 20)))
	web := httptest.NewServer(mux)
	t.Cleanup(func() { close(done); web.Close() })
	return web, done
}

func TestHTTPTimeouts(t *testing.T) {
	web, _ := slowServer(t)
	s := newHTTPServer(t, offline.HTTPOptions{})

	start := time.Now()
	silent := request(t, s, steam.HTTPMethodGET, web.URL+"/header", steam.HTTPOption{Kind: steam.HTTPActivityTimeout, N: 1},
		steam.HTTPOption{Kind: steam.HTTPContextValue, N: 5})
	require.NoError(t, s.SendHTTPRequest(silent, false))
	assert.Equal(t, steam.HTTPRequestCompleted{Request: uint32(silent), Context: 5}, completion(t, s, uint32(silent)))
	took := time.Since(start)
	assert.True(t, took >= time.Second && took < 2500*time.Millisecond, "the activity timeout of 1 s ended it after %v", took)
	timedOut, err := s.HTTPWasTimedOut(silent)
	require.NoError(t, err)
	assert.True(t, timedOut)
	_, err = s.HTTPResponseBodySize(silent)
	assert.ErrorContains(t, err, "no response")

	start = time.Now()
	long := request(t, s, steam.HTTPMethodGET, web.URL+"/trickle", steam.HTTPOption{Kind: steam.HTTPAbsoluteTimeout, N: 400})
	require.NoError(t, s.SendHTTPRequest(long, false))
	assert.False(t, completion(t, s, uint32(long)).Success)
	took = time.Since(start)
	assert.True(t, took >= 400*time.Millisecond && took < 2*time.Second, "the absolute timeout of 400 ms ended a body still coming after %v", took)
	timedOut, _ = s.HTTPWasTimedOut(long)
	assert.True(t, timedOut, "a body still arriving is cut by the absolute timeout")

	alive := request(t, s, steam.HTTPMethodGET, web.URL+"/alive", steam.HTTPOption{Kind: steam.HTTPActivityTimeout, N: 1})
	require.NoError(t, s.SendHTTPRequest(alive, false))
	done := completion(t, s, uint32(alive))
	assert.Equal(t, steam.HTTPRequestCompleted{Request: uint32(alive), Success: true, Status: 200, BodySize: 300}, done,
		"1.5 s of data, never 1 s without any: the activity timeout does not fire")
	timedOut, _ = s.HTTPWasTimedOut(alive)
	assert.False(t, timedOut)
}

func TestHTTPBodyOverTheLimitFailsCleanly(t *testing.T) {
	big := bytes.Repeat([]byte("z"), 2<<20)
	mux := http.NewServeMux()
	mux.HandleFunc("/sized", func(w http.ResponseWriter, r *http.Request) { w.Write(big) })
	mux.HandleFunc("/chunked", func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i < len(big); i += 64 << 10 {
			w.Write(big[i : i+64<<10])
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/fits", func(w http.ResponseWriter, r *http.Request) { w.Write(big[:1<<20]) })
	web := httptest.NewServer(mux)
	defer web.Close()
	s := newHTTPServer(t, offline.HTTPOptions{MaxBody: 1 << 20})
	for _, path := range []string{"/sized", "/chunked"} {
		h := request(t, s, steam.HTTPMethodGET, web.URL+path)
		require.NoError(t, s.SendHTTPRequest(h, false))
		assert.Equal(t, steam.HTTPRequestCompleted{Request: uint32(h)}, completion(t, s, uint32(h)), path)
		timedOut, _ := s.HTTPWasTimedOut(h)
		assert.False(t, timedOut, path)
	}
	h := request(t, s, steam.HTTPMethodGET, web.URL+"/fits")
	require.NoError(t, s.SendHTTPRequest(h, false))
	assert.EqualValues(t, 1<<20, completion(t, s, uint32(h)).BodySize, "a body of exactly the limit fits")
	assert.Equal(t, big[:1<<20], []byte(body(t, s, h)))
}

func TestHTTPMalformedResponse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			io.WriteString(c, "NOT HTTP AT ALL\x00\xff\r\n\r\n")
			c.Close()
		}
	}()
	s := newHTTPServer(t, offline.HTTPOptions{})
	h := request(t, s, steam.HTTPMethodGET, "http://"+ln.Addr().String()+"/")
	require.NoError(t, s.SendHTTPRequest(h, false))
	assert.Equal(t, steam.HTTPRequestCompleted{Request: uint32(h)}, completion(t, s, uint32(h)), "garbage is no response: status 0")
	timedOut, _ := s.HTTPWasTimedOut(h)
	assert.False(t, timedOut, "a malformed response is a failure, not a timeout")
}

func TestHTTPCertificateVerification(t *testing.T) {
	web := httptest.NewUnstartedServer(http.HandlerFunc(echo))
	web.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshake is expected
	web.StartTLS()                                   // a self-signed certificate for 127.0.0.1
	defer web.Close()
	s := newHTTPServer(t, offline.HTTPOptions{})
	strict := request(t, s, steam.HTTPMethodGET, web.URL)
	require.NoError(t, s.SendHTTPRequest(strict, false))
	assert.Equal(t, steam.HTTPRequestCompleted{Request: uint32(strict)}, completion(t, s, uint32(strict)),
		"a certificate nobody vouches for is refused by default, as by Steam")
	lax := request(t, s, steam.HTTPMethodGET, web.URL, steam.HTTPOption{Kind: steam.HTTPRequiresVerifiedCert, On: false})
	require.NoError(t, s.SendHTTPRequest(lax, false))
	assert.True(t, completion(t, s, uint32(lax)).Success, "setHTTPRequestRequiresVerifiedCertificate(false) accepts it")

	pool := x509.NewCertPool()
	pool.AddCert(web.Certificate())
	trusting := newHTTPServer(t, offline.HTTPOptions{RootCAs: pool})
	verified := request(t, trusting, steam.HTTPMethodGET, web.URL)
	require.NoError(t, trusting.SendHTTPRequest(verified, false))
	assert.True(t, completion(t, trusting, uint32(verified)).Success, "the same certificate verifies once its issuer is trusted")
}

func TestHTTPStreamedResponse(t *testing.T) {
	pieces := []string{strings.Repeat("a", 100), strings.Repeat("b", 200), strings.Repeat("c", 300)}
	web := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "600")
		for _, p := range pieces {
			io.WriteString(w, p)
			w.(http.Flusher).Flush()
			time.Sleep(30 * time.Millisecond)
		}
	}))
	defer web.Close()
	s := newHTTPServer(t, offline.HTTPOptions{})
	h := request(t, s, steam.HTTPMethodGET, web.URL, steam.HTTPOption{Kind: steam.HTTPContextValue, N: 9})
	require.NoError(t, s.SendHTTPRequest(h, true))
	evs := httpEvents(t, s, uint32(h))
	require.GreaterOrEqual(t, len(evs), 3)
	assert.Equal(t, steam.HTTPRequestHeadersReceived{Request: uint32(h), Context: 9}, evs[0], "the headers come first")
	var whole strings.Builder
	for _, ev := range evs[1 : len(evs)-1] {
		d := ev.(steam.HTTPRequestDataReceived)
		assert.EqualValues(t, whole.Len(), d.Offset, "chunks follow each other")
		assert.EqualValues(t, 9, d.Context)
		chunk, err := s.HTTPStreamingBody(h, int64(d.Offset), int64(d.BytesReceived))
		require.NoError(t, err)
		whole.Write(chunk)
		_, err = s.HTTPStreamingBody(h, int64(d.Offset), int64(d.BytesReceived))
		assert.ErrorContains(t, err, "no unread chunk", "a chunk is handed out once")
	}
	assert.Equal(t, strings.Join(pieces, ""), whole.String())
	assert.Equal(t, steam.HTTPRequestCompleted{Request: uint32(h), Context: 9, Success: true, Status: 200, BodySize: 600}, evs[len(evs)-1])
	_, err := s.HTTPResponseBody(h, 600)
	assert.ErrorContains(t, err, "streamed", "a streamed body is read by chunks only, as Steam says")
	size, _ := s.HTTPResponseHeaderSize(h, "Content-Length")
	assert.EqualValues(t, 3, size)
}

// goroutinesBackTo waits until the process runs no more goroutines than before (each cancelled
// request's goroutine and connection ended), for up to 5 s.
func goroutinesBackTo(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<20)
		t.Fatalf("%d goroutines, %d before the requests:\n%s", n, before, buf[:runtime.Stack(buf, true)])
	}
}

// hanging is a server whose every request waits until the test ends; arrived counts them.
func hanging(t *testing.T) (*httptest.Server, chan string) {
	arrived := make(chan string, 16)
	done := make(chan struct{})
	web := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived <- r.URL.Path
		w.(http.Flusher).Flush() // headers out: the request is in its body phase
		select {
		case <-done:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(func() { close(done); web.Close() })
	return web, arrived
}

func TestHTTPReleaseCancelsARequestInFlight(t *testing.T) {
	web, arrived := hanging(t)
	s := newHTTPServer(t, offline.HTTPOptions{})
	before := runtime.NumGoroutine()
	h := request(t, s, steam.HTTPMethodGET, web.URL+"/held")
	require.NoError(t, s.SendHTTPRequest(h, true))
	assert.Equal(t, "/held", <-arrived)
	deadline := time.Now().Add(httpWait)
	for len(drainHTTPNow(s, uint32(h))) == 0 && time.Now().Before(deadline) {
		time.Sleep(2 * time.Millisecond) // until http_request_headers_received: the body is being read
	}
	require.NoError(t, s.ReleaseHTTPRequest(h))
	goroutinesBackTo(t, before)
	for i := 0; i < 5; i++ {
		assert.Empty(t, drainHTTPNow(s, uint32(h)), "a released request reports nothing after its release")
	}
}

func TestHTTPShutdownCancelsEveryRequest(t *testing.T) {
	web, arrived := hanging(t)
	s, _ := newServer(t, offline.Options{HTTP: offline.HTTPOptions{MaxInFlight: 2}}, cfgAuth)
	before := runtime.NumGoroutine()
	for i := 0; i < 4; i++ {
		require.NoError(t, s.SendHTTPRequest(request(t, s, steam.HTTPMethodGET, fmt.Sprintf("%s/%d", web.URL, i)), false))
	}
	<-arrived
	<-arrived
	require.NoError(t, s.Shutdown())
	goroutinesBackTo(t, before)
	assert.Zero(t, s.Events().Len(), "nothing is queued after serverShutdown")
	assert.Len(t, arrived, 0, "the two queued requests never went out")
}

func TestHTTPQueueOrderAndTheInFlightBound(t *testing.T) {
	web, arrived := hanging(t)
	s := newHTTPServer(t, offline.HTTPOptions{MaxInFlight: 1})
	send := func(path string) int64 {
		h := request(t, s, steam.HTTPMethodGET, web.URL+path)
		require.NoError(t, s.SendHTTPRequest(h, false))
		return h
	}
	first := send("/first")
	assert.Equal(t, "/first", <-arrived)
	b, c, d := send("/b"), send("/c"), send("/d")
	require.NoError(t, s.MoveHTTPRequest(d, true), "prioritize d: to the head of the queue")
	require.NoError(t, s.MoveHTTPRequest(b, false), "defer b: to its tail")
	require.NoError(t, s.MoveHTTPRequest(first, true), "a running request has nowhere to move; not an error")
	var order []string
	for _, h := range []int64{first, d, c} {
		require.NoError(t, s.ReleaseHTTPRequest(h)) // frees the one slot for the next in the queue
		order = append(order, <-arrived)
	}
	assert.Equal(t, []string{"/d", "/c", "/b"}, order)
}
