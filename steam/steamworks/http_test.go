package steamworks

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gosteam/godot-steam-server/steam"
)

// The HTTP calls against the fake library: what reaches Steam's flat API for each call, and how
// its answers and callbacks come back.

// httpAnswers makes every ISteamHTTP call of f say true.
func httpAnswers(f *fakeFlat) {
	for s, sy := range symbols {
		if strings.HasPrefix(sy.name, ghttp) {
			f.bools[sym(s)] = true
		}
	}
}

// httpServer is a front over a started backend on f, whose every ISteamHTTP call says true.
func httpServer(t *testing.T, f *fakeFlat) *steam.Server {
	t.Helper()
	httpAnswers(f)
	srv := steam.NewServer(func() (steam.Backend, error) { return newBackend(f, ""), nil })
	require.NoError(t, srv.Init(testConfig))
	t.Cleanup(func() { _ = srv.Shutdown() })
	f.take()
	return srv
}

// httpEveryCall makes every HTTP call of the front once (TestEverySymbolIsCalled's share).
func httpEveryCall(srv *steam.Server) []func() error {
	set := func(o steam.HTTPOption) func() error { return func() error { return srv.SetHTTPRequest(5, o) } }
	return []func() error{
		func() error {
			_, err := srv.CreateHTTPRequest(int64(steam.HTTPMethodPOST), "https://example.com/api")
			return err
		},
		set(steam.HTTPOption{Kind: steam.HTTPContextValue, N: 0xC0FFEE}),
		set(steam.HTTPOption{Kind: steam.HTTPActivityTimeout, N: 30}),
		set(steam.HTTPOption{Kind: steam.HTTPAbsoluteTimeout, N: 2500}),
		set(steam.HTTPOption{Kind: steam.HTTPHeader, Name: "X-Key", Value: "v"}),
		set(steam.HTTPOption{Kind: steam.HTTPGetOrPostParameter, Name: "a", Value: "b"}),
		set(steam.HTTPOption{Kind: steam.HTTPRawPostBody, Name: "text/plain", Body: []byte("hi")}),
		set(steam.HTTPOption{Kind: steam.HTTPCookieContainer, N: 6}),
		set(steam.HTTPOption{Kind: steam.HTTPUserAgentInfo, Value: "game/1"}),
		set(steam.HTTPOption{Kind: steam.HTTPRequiresVerifiedCert, On: false}),
		func() error { return srv.SendHTTPRequest(5, false) },
		func() error { return srv.SendHTTPRequest(5, true) },
		func() error { return srv.MoveHTTPRequest(5, true) },
		func() error { return srv.MoveHTTPRequest(5, false) },
		func() error { _, err := srv.HTTPResponseHeaderValue(5, "Content-Type", 64); return err },
		func() error { _, err := srv.HTTPResponseBody(5, 64); return err },
		func() error { _, err := srv.HTTPStreamingBody(5, 0, 3); return err },
		func() error { _, err := srv.HTTPDownloadProgress(5); return err },
		func() error { _, err := srv.HTTPWasTimedOut(5); return err },
		func() error { return srv.ReleaseHTTPRequest(5) },
		func() error { _, err := srv.CreateCookieContainer(true); return err },
		func() error { return srv.SetCookie(6, "example.com", "/", "a=b") },
		func() error { return srv.ReleaseCookieContainer(6) },
	}
}

func TestHTTPCallsReachSteamAsTheFlatAPITakesThem(t *testing.T) {
	f := newFake(t)
	f.web.handle, f.web.call, f.web.size, f.web.data = 5, 0x99, 3, []byte("abc")
	srv := httpServer(t, f)
	for _, call := range httpEveryCall(srv) {
		require.NoError(t, call())
	}
	assert.Equal(t, []string{
		`CreateHTTPRequest(3, "https://example.com/api")`,
		"SetHTTPRequestContextValue(5, 0xc0ffee)",
		"SetHTTPRequestNetworkActivityTimeout(5, 30)",
		"SetHTTPRequestAbsoluteTimeoutMS(5, 2500)",
		`SetHTTPRequestHeaderValue(5, "X-Key", "v")`,
		`SetHTTPRequestGetOrPostParameter(5, "a", "b")`,
		`SetHTTPRequestRawPostBody(5, "text/plain", "hi")`,
		"SetHTTPRequestCookieContainer(5, 6)",
		`SetHTTPRequestUserAgentInfo(5, "game/1")`,
		"SetHTTPRequestRequiresVerifiedCertificate(5, false)",
		"SendHTTPRequest(5)", "SendHTTPRequestAndStreamResponse(5)",
		"PrioritizeHTTPRequest(5)", "DeferHTTPRequest(5)",
		`GetHTTPResponseHeaderSize(5, "Content-Type")`, `GetHTTPResponseHeaderValue(5, "Content-Type", buf[3])`,
		"GetHTTPResponseBodySize(5)", "GetHTTPResponseBodyData(5, buf[3])",
		"GetHTTPStreamingResponseBodyData(5, 0, buf[3])",
		"GetHTTPDownloadProgressPct(5)", "GetHTTPRequestWasTimedOut(5)",
		"ReleaseHTTPRequest(5)",
		"CreateCookieContainer(true)", `SetCookie(6, "example.com", "/", "a=b")`, "ReleaseCookieContainer(6)",
	}, f.take(), "each call reaches its flat function, the body read into a buffer of exactly its size")
}

func TestHTTPAnswersComeThroughThePumpOnce(t *testing.T) {
	f := newFake(t)
	f.web.handle, f.web.call = 5, 0x99
	srv := httpServer(t, f)
	h, err := srv.CreateHTTPRequest(int64(steam.HTTPMethodGET), "http://example.com/")
	require.NoError(t, err)
	require.NoError(t, srv.SetHTTPRequest(int64(h), steam.HTTPOption{Kind: steam.HTTPContextValue, N: 42}))
	require.NoError(t, srv.SendHTTPRequest(int64(h), true))

	done := fixture("HTTPRequestCompleted_t")
	f.results[0x99] = done.bytes()
	f.callbacks = []fakeCallback{
		{2102, fixture("HTTPRequestHeadersReceived_t").bytes()},
		{2103, fixture("HTTPRequestDataReceived_t").bytes()},
		{done.id(), done.bytes()}, // the emulator also posts the answer as a callback
		{idAPICallCompleted, completed(0x99, done.id(), uint32(done.size()))},
	}
	srv.RunFrame()
	var got []steam.Event
	srv.Events().Drain(func(ev steam.Event) { got = append(got, ev) })
	assert.Equal(t, []steam.Event{fixture("HTTPRequestHeadersReceived_t").want, fixture("HTTPRequestDataReceived_t").want,
		steam.APICallCompleted{Call: 0x99, Callback: done.id(), Size: uint32(done.size())}, done.want}, got,
		"headers, then the chunk, then the call's completion notice and one completion, from the call result")
}

func TestHTTPFailedCallReportsNoResponse(t *testing.T) {
	f := newFake(t)
	f.web.handle, f.web.call = 5, 0x99
	srv := httpServer(t, f)
	require.NoError(t, srv.SetHTTPRequest(5, steam.HTTPOption{Kind: steam.HTTPContextValue, N: 42}))
	require.NoError(t, srv.SendHTTPRequest(5, false))
	size := fixture("HTTPRequestCompleted_t").size()
	f.results[0x99], f.failed[0x99] = make([]byte, size), true
	f.callbacks = []fakeCallback{{idAPICallCompleted, completed(0x99, idHTTPRequestCompleted, uint32(size))}}
	srv.RunFrame()
	var got []steam.Event
	srv.Events().Drain(func(ev steam.Event) { got = append(got, ev) })
	assert.Equal(t, []steam.Event{steam.APICallCompleted{Call: 0x99, Callback: idHTTPRequestCompleted, Size: uint32(size)},
		steam.HTTPRequestCompleted{Request: 5, Context: 42}}, got,
		"a call Steam reports failed still answers: no response, status 0, with the request and its context")
}

func TestHTTPRefusalsAndBuffers(t *testing.T) {
	f := newFake(t)
	f.web.size = 10
	srv := httpServer(t, f)
	_, err := srv.HTTPResponseBody(5, 9)
	assert.ErrorContains(t, err, "buffer_size is 9")
	assert.Equal(t, []string{"GetHTTPResponseBodySize(5)"}, f.take(), "too small a buffer never reaches GetHTTPResponseBodyData")

	f.web.size, f.web.data = 4, []byte("gz\x00\x00")
	v, err := srv.HTTPResponseHeaderValue(5, "Content-Encoding", 4)
	require.NoError(t, err)
	assert.Equal(t, "gz\x00", string(v), "one trailing NUL, should Steam count one, is not the value's")

	for s := range f.bools {
		f.bools[s] = false
	}
	assert.ErrorIs(t, srv.SendHTTPRequest(5, false), errHTTPRefused)
	_, err = srv.HTTPWasTimedOut(5)
	assert.ErrorIs(t, err, errHTTPRefused)
	f.web.handle = 0
	_, err = srv.CreateHTTPRequest(int64(steam.HTTPMethodGET), "http://example.com/")
	assert.ErrorContains(t, err, "INVALID_HTTPREQUEST_HANDLE")
	_, err = srv.CreateCookieContainer(false)
	assert.ErrorContains(t, err, "INVALID_HTTPCOOKIE_HANDLE")
}

func TestHTTPWithoutTheInterface(t *testing.T) {
	f := newFake(t)
	f.web.absent = true
	srv := httpServer(t, f)
	for _, call := range httpEveryCall(srv) {
		assert.True(t, errors.Is(call(), errNoHTTP))
	}
	assert.Empty(t, f.take(), "no ISteamHTTP function is called without the interface")
}
