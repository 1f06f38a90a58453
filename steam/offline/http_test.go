package offline_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
)

// The offline HTTP client against loopback servers of the test's own: every request really goes
// out through net/http, and its answers arrive as events only when drained, as run_callbacks does.

// httpWait bounds every wait for a request's events.
const httpWait = 10 * time.Second

// events drains s until an HTTPRequestCompleted for request came (or httpWait passed), and returns
// every event of that request, in order; other events are dropped.
func httpEvents(t *testing.T, s *steam.Server, request uint32) []steam.Event {
	t.Helper()
	var got []steam.Event
	deadline := time.Now().Add(httpWait)
	for time.Now().Before(deadline) {
		for _, ev := range drain(s) {
			if httpRequestOf(ev) == request {
				got = append(got, ev)
			}
			if done, ok := ev.(steam.HTTPRequestCompleted); ok && done.Request == request {
				return got
			}
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Fatalf("request %d did not complete within %v; its events: %#v", request, httpWait, got)
	return nil
}

func httpRequestOf(ev steam.Event) uint32 {
	switch e := ev.(type) {
	case steam.HTTPRequestCompleted:
		return e.Request
	case steam.HTTPRequestHeadersReceived:
		return e.Request
	case steam.HTTPRequestDataReceived:
		return e.Request
	}
	return 0
}

func completion(t *testing.T, s *steam.Server, request uint32) steam.HTTPRequestCompleted {
	t.Helper()
	evs := httpEvents(t, s, request)
	return evs[len(evs)-1].(steam.HTTPRequestCompleted)
}

// newHTTPServer is an offline server with the HTTP options given.
func newHTTPServer(t *testing.T, opts offline.HTTPOptions) *steam.Server {
	t.Helper()
	s, _ := newServer(t, offline.Options{HTTP: opts}, cfgAuth)
	t.Cleanup(func() { _ = s.Shutdown() })
	return s
}

// request creates a request and applies the setters, failing the test on any refusal.
func request(t *testing.T, s *steam.Server, method steam.HTTPMethod, url string, opts ...steam.HTTPOption) int64 {
	t.Helper()
	h, err := s.CreateHTTPRequest(int64(method), url)
	require.NoError(t, err)
	require.NotZero(t, h)
	for _, o := range opts {
		require.NoError(t, s.SetHTTPRequest(int64(h), o), "%+v", o)
	}
	return int64(h)
}

// echoServer is a loopback server answering with echo, and an offline server to call it.
func echoServer(t *testing.T) (*httptest.Server, *steam.Server) {
	t.Helper()
	web := httptest.NewServer(http.HandlerFunc(echo))
	t.Cleanup(web.Close)
	return web, newHTTPServer(t, offline.HTTPOptions{})
}

// echo answers with what it received: method, path and query, chosen headers, cookies and body.
func echo(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	var cookies []string
	for _, c := range r.Cookies() {
		cookies = append(cookies, c.Name+"="+c.Value)
	}
	sort.Strings(cookies)
	w.Header().Set("X-Echo", "yes")
	fmt.Fprintf(w, "%s %s\nua=%s\nx-test=%s\ncontent-type=%s\ncookies=%s\nbody=%s", r.Method, r.URL.RequestURI(),
		r.UserAgent(), r.Header.Get("X-Test"), r.Header.Get("Content-Type"), strings.Join(cookies, ";"), body)
}

func body(t *testing.T, s *steam.Server, h int64) string {
	t.Helper()
	n, err := s.HTTPResponseBodySize(h)
	require.NoError(t, err)
	b, err := s.HTTPResponseBody(h, int64(n))
	require.NoError(t, err)
	return string(b)
}

func TestHTTPGetWithParametersHeadersContextAndUserAgent(t *testing.T) {
	web, s := echoServer(t)
	h := request(t, s, steam.HTTPMethodGET, web.URL+"/path?keep=1",
		steam.HTTPOption{Kind: steam.HTTPGetOrPostParameter, Name: "map", Value: "de dust&2"},
		steam.HTTPOption{Kind: steam.HTTPGetOrPostParameter, Name: "players", Value: "16"},
		steam.HTTPOption{Kind: steam.HTTPHeader, Name: "X-Test", Value: "first"},
		steam.HTTPOption{Kind: steam.HTTPHeader, Name: "x-test", Value: "second"}, // replaces, case-insensitively
		steam.HTTPOption{Kind: steam.HTTPUserAgentInfo, Value: "mygame/1.2"},
		steam.HTTPOption{Kind: steam.HTTPContextValue, N: 1 << 63})
	require.NoError(t, s.SendHTTPRequest(h, false))
	assert.Empty(t, drainHTTPNow(s, uint32(h)), "nothing is reported before the response, and never during the call")

	done := completion(t, s, uint32(h))
	want := "GET /path?keep=1&map=de+dust%262&players=16\nua=Valve/Steam HTTP Client 1.0 (480) mygame/1.2\nx-test=second\ncontent-type=\ncookies=\nbody="
	assert.Equal(t, steam.HTTPRequestCompleted{Request: uint32(h), Context: 1 << 63, Success: true, Status: 200, BodySize: uint32(len(want))}, done)
	assert.Equal(t, want, body(t, s, h))

	size, err := s.HTTPResponseHeaderSize(h, "x-echo")
	require.NoError(t, err)
	assert.EqualValues(t, 3, size)
	v, err := s.HTTPResponseHeaderValue(h, "X-Echo", 100)
	require.NoError(t, err)
	assert.Equal(t, "yes", string(v), "a larger buffer gives the value only, not padded")
	_, err = s.HTTPResponseHeaderValue(h, "X-Echo", 2)
	assert.ErrorContains(t, err, "buffer_size is 2", "a buffer too small for the value is refused, as by Steam")
	_, err = s.HTTPResponseHeaderSize(h, "X-Absent")
	assert.ErrorContains(t, err, "no X-Absent header")

	got, err := s.HTTPResponseBody(h, 1<<20)
	require.NoError(t, err)
	assert.Equal(t, want, string(got), "a buffer larger than the body gives the body only")
	_, err = s.HTTPResponseBody(h, int64(len(want)-1))
	assert.ErrorContains(t, err, "buffer_size")
	pct, err := s.HTTPDownloadProgress(h)
	require.NoError(t, err)
	assert.EqualValues(t, 100, pct)

	require.NoError(t, s.ReleaseHTTPRequest(h))
	_, err = s.HTTPResponseBodySize(h)
	assert.ErrorContains(t, err, "no open HTTP request")
}

// drainHTTPNow drains once, at once, and returns the events of request.
func drainHTTPNow(s *steam.Server, request uint32) []steam.Event {
	var got []steam.Event
	for _, ev := range drain(s) {
		if httpRequestOf(ev) == request {
			got = append(got, ev)
		}
	}
	return got
}

func TestHTTPPostFormAndRawBodies(t *testing.T) {
	web, s := echoServer(t)

	form := request(t, s, steam.HTTPMethodPOST, web.URL+"/form",
		steam.HTTPOption{Kind: steam.HTTPGetOrPostParameter, Name: "name", Value: "a b"},
		steam.HTTPOption{Kind: steam.HTTPGetOrPostParameter, Name: "score", Value: "10"})
	require.NoError(t, s.SendHTTPRequest(form, false))
	assert.True(t, completion(t, s, uint32(form)).Success)
	assert.Contains(t, body(t, s, form), "POST /form\n")
	assert.Contains(t, body(t, s, form), "content-type=application/x-www-form-urlencoded\ncookies=\nbody=name=a+b&score=10")
	err := s.SetHTTPRequest(form, steam.HTTPOption{Kind: steam.HTTPRawPostBody, Name: "text/plain", Body: []byte("x")})
	assert.ErrorContains(t, err, "sent already", "a request cannot change once sent")

	raw := request(t, s, steam.HTTPMethodPOST, web.URL+"/raw",
		steam.HTTPOption{Kind: steam.HTTPRawPostBody, Name: "application/json", Body: []byte(`{"kills":3}`)})
	assert.ErrorContains(t, s.SetHTTPRequest(raw, steam.HTTPOption{Kind: steam.HTTPGetOrPostParameter, Name: "a", Value: "b"}),
		"raw body already")
	require.NoError(t, s.SendHTTPRequest(raw, false))
	assert.True(t, completion(t, s, uint32(raw)).Success)
	assert.Contains(t, body(t, s, raw), "content-type=application/json\ncookies=\nbody={\"kills\":3}")

	put := request(t, s, steam.HTTPMethodPUT, web.URL+"/put",
		steam.HTTPOption{Kind: steam.HTTPRawPostBody, Name: "text/plain", Body: []byte("new")},
		steam.HTTPOption{Kind: steam.HTTPGetOrPostParameter, Name: "v", Value: "2"})
	require.NoError(t, s.SendHTTPRequest(put, false))
	completion(t, s, uint32(put))
	assert.Contains(t, body(t, s, put), "PUT /put?v=2\n", "parameters of a method other than POST go in the query string")
	assert.Contains(t, body(t, s, put), "body=new")

	get := request(t, s, steam.HTTPMethodGET, web.URL)
	assert.ErrorContains(t, s.SetHTTPRequest(get, steam.HTTPOption{Kind: steam.HTTPRawPostBody, Name: "text/plain", Body: []byte("x")}),
		"GET request has no body")
}

func TestHTTPEveryMethodReachesTheServer(t *testing.T) {
	web, s := echoServer(t)
	for m := steam.HTTPMethodGET; m <= steam.HTTPMethodPATCH; m++ {
		h := request(t, s, m, web.URL+"/m")
		require.NoError(t, s.SendHTTPRequest(h, false))
		done := completion(t, s, uint32(h))
		assert.True(t, done.Success, m.String())
		if m == steam.HTTPMethodHEAD {
			assert.Zero(t, done.BodySize, "HEAD has no body")
			continue
		}
		assert.True(t, strings.HasPrefix(body(t, s, h), m.String()+" /m\n"), "%s: %q", m, body(t, s, h))
	}
	_, err := s.CreateHTTPRequest(0, web.URL)
	assert.ErrorContains(t, err, "request_method")
	_, err = s.CreateHTTPRequest(8, web.URL)
	assert.ErrorContains(t, err, "request_method")
}

func TestHTTPStatusCodesAsSteamReportsThem(t *testing.T) {
	web := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var code int
		fmt.Sscan(strings.TrimPrefix(r.URL.Path, "/"), &code)
		w.WriteHeader(code)
	}))
	defer web.Close()
	s := newHTTPServer(t, offline.HTTPOptions{})
	for code, want := range map[int]int32{201: 201, 404: 404, 429: 429, 422: 418, 500: 500, 520: 599, 226: 226} {
		h := request(t, s, steam.HTTPMethodGET, fmt.Sprintf("%s/%d", web.URL, code))
		require.NoError(t, s.SendHTTPRequest(h, false))
		done := completion(t, s, uint32(h))
		assert.True(t, done.Success, "an error status is still a response")
		assert.Equal(t, want, done.Status, "status %d", code)
	}
}

func TestHTTPUnknownHandlesAndStates(t *testing.T) {
	s := newHTTPServer(t, offline.HTTPOptions{MaxRequests: 2})
	_, err := s.CreateHTTPRequest(int64(steam.HTTPMethodGET), "ftp://127.0.0.1/")
	assert.ErrorContains(t, err, "http:// or https://")
	_, err = s.CreateHTTPRequest(int64(steam.HTTPMethodGET), "http:///nohost")
	assert.ErrorContains(t, err, "no host")
	a := request(t, s, steam.HTTPMethodGET, "http://127.0.0.1:9/")
	b := request(t, s, steam.HTTPMethodGET, "http://127.0.0.1:9/")
	_, err = s.CreateHTTPRequest(int64(steam.HTTPMethodGET), "http://127.0.0.1:9/")
	assert.ErrorContains(t, err, "already 2 HTTP requests open", "the open requests are bounded")
	require.NoError(t, s.ReleaseHTTPRequest(a))
	c := request(t, s, steam.HTTPMethodGET, "http://127.0.0.1:9/")
	assert.Greater(t, c, b, "handles are never reused")

	assert.ErrorContains(t, s.MoveHTTPRequest(b, true), "not sent yet")
	assert.ErrorContains(t, s.ReleaseHTTPRequest(a), "no open HTTP request")
	assert.ErrorContains(t, s.SendHTTPRequest(0, false), "request_handle must be a handle")
	assert.ErrorContains(t, s.SendHTTPRequest(1<<32, false), "request_handle must be a handle")
	_, err = s.HTTPResponseBodySize(b)
	assert.ErrorContains(t, err, "not completed yet")
	_, err = s.HTTPStreamingBody(b, 0, 1)
	assert.ErrorContains(t, err, "not streamed")
	assert.ErrorContains(t, s.SetHTTPRequest(b, steam.HTTPOption{Kind: steam.HTTPHeader, Name: "Bad Name", Value: "v"}), "header name")
	assert.ErrorContains(t, s.SetHTTPRequest(b, steam.HTTPOption{Kind: steam.HTTPHeader, Name: "X", Value: "a\r\nInjected: 1"}), "line break")
	assert.ErrorContains(t, s.SetHTTPRequest(b, steam.HTTPOption{Kind: steam.HTTPHeader, Name: "Content-Length", Value: "3"}), "set from the body")
	assert.ErrorContains(t, s.SetHTTPRequest(b, steam.HTTPOption{Kind: steam.HTTPCookieContainer, N: 12345}), "no cookie container")

	require.NoError(t, s.Shutdown())
	_, err = s.CreateHTTPRequest(int64(steam.HTTPMethodGET), "http://127.0.0.1:9/")
	assert.ErrorIs(t, err, steam.ErrNotInitialized)
	require.NoError(t, s.Init(cfgAuth))
	assert.ErrorContains(t, s.SendHTTPRequest(b, false), "no open HTTP request", "a restart drops every request")
}

func TestHTTPBodyLimitFromTheEnvironment(t *testing.T) {
	web := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "0123456789") }))
	defer web.Close()
	t.Setenv(offline.EnvHTTPMaxBody, "9")
	s := newHTTPServer(t, offline.HTTPOptions{})
	h := request(t, s, steam.HTTPMethodGET, web.URL)
	require.NoError(t, s.SendHTTPRequest(h, false))
	assert.Equal(t, steam.HTTPRequestCompleted{Request: uint32(h)}, completion(t, s, uint32(h)), "ten bytes are over a nine-byte limit")

	t.Setenv(offline.EnvHTTPMaxBody, "lots")
	b := offline.New(offline.Options{Realm: newRealm(t), Data: offline.NewData()})
	bad := steam.NewServer(func() (steam.Backend, error) { return b, nil })
	assert.ErrorContains(t, bad.Init(cfgAuth), offline.EnvHTTPMaxBody)
}
