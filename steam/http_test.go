package steam

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The front's HTTP checks, made before any backend sees a call (the offline package's tests send
// real requests).

func TestHTTPStatusAsSteamReportsIt(t *testing.T) {
	for code, want := range map[int]int32{200: 200, 204: 204, 308: 308, 404: 404, 418: 418, 422: 418, 451: 418, 444: 444,
		500: 500, 505: 505, 520: 599, 599: 599, 226: 226, 0: 0} {
		assert.Equal(t, want, HTTPStatus(code), "status %d", code)
	}
	assert.Equal(t, "PATCH", HTTPMethodPATCH.String())
	assert.Equal(t, "", HTTPMethod(8).String())
}

func TestHTTPArgumentsAreCheckedBeforeTheBackend(t *testing.T) {
	s, _, _ := newTestServer()
	_, err := s.CreateHTTPRequest(int64(HTTPMethodGET), "http://example.com/")
	assert.ErrorIs(t, err, ErrNotInitialized)
	require.NoError(t, s.Init(InitConfig{Mode: ServerModeAuthentication}))

	for url, why := range map[string]string{"example.com/x": "http:// or https://", "file:///etc/passwd": "http:// or https://",
		"http://": "no host", "http://[::1": "not a URL", "http://example.com/" + string(make([]byte, MaxHTTPURLLen)): "bytes long"} {
		_, err := s.CreateHTTPRequest(int64(HTTPMethodGET), url)
		assert.ErrorContains(t, err, why, url)
	}
	_, err = s.CreateHTTPRequest(int64(HTTPMethodInvalid), "http://example.com/")
	assert.ErrorContains(t, err, "request_method")
	for name, o := range map[string]HTTPOption{
		"header_name":     {Kind: HTTPHeader, Name: "A:B", Value: "v"},
		"header_value":    {Kind: HTTPHeader, Name: "A", Value: "v\n"},
		"name":            {Kind: HTTPGetOrPostParameter, Value: "v"},
		"content_type":    {Kind: HTTPRawPostBody, Name: "text/plain\r\n", Body: []byte("x")},
		"body":            {Kind: HTTPRawPostBody, Name: "text/plain", Body: make([]byte, MaxHTTPRawBody+1)},
		"user_agent_info": {Kind: HTTPUserAgentInfo, Value: "a\x00b"},
		"timeout_seconds": {Kind: HTTPActivityTimeout, N: 1 << 32},
		"milliseconds":    {Kind: HTTPAbsoluteTimeout, N: ^uint64(0)},
		"cookie_handle":   {Kind: HTTPCookieContainer, N: 0},
	} {
		var refused *ArgError
		err := s.SetHTTPRequest(1, o)
		if assert.ErrorAs(t, err, &refused, name) {
			assert.Equal(t, name, refused.Arg)
		}
	}
	assert.ErrorContains(t, s.SendHTTPRequest(-1, false), "request_handle")
	assert.ErrorContains(t, s.SetCookie(1, "", "/", "a=b"), "no host")
	assert.ErrorContains(t, s.SetCookie(1, "h", "/", "nothing"), "name=value")
	// Arguments that pass reach a backend without HTTP calls: refused by it.
	assert.ErrorIs(t, s.SendHTTPRequest(1, false), ErrNoHTTP)
	_, err = s.CreateCookieContainer(true)
	assert.ErrorIs(t, err, ErrNoHTTP)
}
