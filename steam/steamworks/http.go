package steamworks

import (
	"bytes"
	"errors"

	"github.com/gosteam/godot-steam-server/steam"
)

// The HTTP calls (ISteamHTTP, through SteamGameServerHTTP: the game server's own HTTP client).
// Steam answers false without saying why: every refusal is errHTTPRefused. A send's answer comes
// through its call result (HTTPRequestCompleted_t); a streamed request's headers and chunks come
// as callbacks (HTTPRequestHeadersReceived_t, HTTPRequestDataReceived_t).
var (
	symGameServerHTTPV003 = fn("SteamAPI_SteamGameServerHTTP_v003", shapeP) // the version also in interfaceVersions

	symCreateHTTPRequest                         = httpMethod("CreateHTTPRequest", shapeU32HI32S)
	symSetHTTPRequestContextValue                = httpMethod("SetHTTPRequestContextValue", shapeBHU32U64)
	symSetHTTPRequestNetworkActivityTimeout      = httpMethod("SetHTTPRequestNetworkActivityTimeout", shapeBHU32U32)
	symSetHTTPRequestHeaderValue                 = httpMethod("SetHTTPRequestHeaderValue", shapeBHU32SS)
	symSetHTTPRequestGetOrPostParameter          = httpMethod("SetHTTPRequestGetOrPostParameter", shapeBHU32SS)
	symSendHTTPRequest                           = httpMethod("SendHTTPRequest", shapeBHU32PU64)
	symSendHTTPRequestAndStreamResponse          = httpMethod("SendHTTPRequestAndStreamResponse", shapeBHU32PU64)
	symDeferHTTPRequest                          = httpMethod("DeferHTTPRequest", shapeBHU32)
	symPrioritizeHTTPRequest                     = httpMethod("PrioritizeHTTPRequest", shapeBHU32)
	symGetHTTPResponseHeaderSize                 = httpMethod("GetHTTPResponseHeaderSize", shapeBHU32SPU32)
	symGetHTTPResponseHeaderValue                = httpMethod("GetHTTPResponseHeaderValue", shapeBHU32SPBuf)
	symGetHTTPResponseBodySize                   = httpMethod("GetHTTPResponseBodySize", shapeBHU32PU32)
	symGetHTTPResponseBodyData                   = httpMethod("GetHTTPResponseBodyData", shapeBHU32PBuf)
	symGetHTTPStreamingResponseBodyData          = httpMethod("GetHTTPStreamingResponseBodyData", shapeBHU32U32PBf)
	symReleaseHTTPRequest                        = httpMethod("ReleaseHTTPRequest", shapeBHU32)
	symGetHTTPDownloadProgressPct                = httpMethod("GetHTTPDownloadProgressPct", shapeBHU32PF32)
	symSetHTTPRequestRawPostBody                 = httpMethod("SetHTTPRequestRawPostBody", shapeBHU32SPBuf)
	symCreateCookieContainer                     = httpMethod("CreateCookieContainer", shapeU32HB)
	symReleaseCookieContainer                    = httpMethod("ReleaseCookieContainer", shapeBHU32)
	symSetCookie                                 = httpMethod("SetCookie", shapeBHU32SSS)
	symSetHTTPRequestCookieContainer             = httpMethod("SetHTTPRequestCookieContainer", shapeBHU32U32)
	symSetHTTPRequestUserAgentInfo               = httpMethod("SetHTTPRequestUserAgentInfo", shapeBHU32S)
	symSetHTTPRequestRequiresVerifiedCertificate = httpMethod("SetHTTPRequestRequiresVerifiedCertificate", shapeBHU32B)
	symSetHTTPRequestAbsoluteTimeoutMS           = httpMethod("SetHTTPRequestAbsoluteTimeoutMS", shapeBHU32U32)
	symGetHTTPRequestWasTimedOut                 = httpMethod("GetHTTPRequestWasTimedOut", shapeBHU32PB)
)

var (
	errNoHTTP      = errors.New("libsteam_api.so returned no ISteamHTTP interface (SteamGameServerHTTP) at serverInit")
	errHTTPRefused = errors.New("Steam refused it: an unknown or released handle, a request already sent (or not yet), " +
		"a response without that header, or a call that does not fit the request (a body on a GET, a streamed body read whole)")
)

// maxStreamChunk bounds the buffer a streamed chunk is read into: Steam's chunks are far smaller.
const maxStreamChunk = steam.MaxHTTPRawBody

// maxHTTPContexts bounds the context values remembered for requests never released.
const maxHTTPContexts = 4096

// httpCalls is what the backend remembers of its requests: each one's context value, and the
// request behind each send still running, so that a failed call can still name both.
type httpCalls struct {
	has      bool // SteamGameServerHTTP returned an interface at Init
	contexts map[uint32]uint64
	pending  map[uint64]uint32 // SteamAPICall_t -> request
}

func newHTTPCalls(has bool) httpCalls {
	return httpCalls{has: has, contexts: map[uint32]uint64{}, pending: map[uint64]uint32{}}
}

// answered forgets a finished send and returns the event reporting its failure.
func (c *httpCalls) answered(call uint64) (steam.HTTPRequestCompleted, bool) {
	h, ok := c.pending[call]
	delete(c.pending, call)
	return steam.HTTPRequestCompleted{Request: h, Context: c.contexts[h]}, ok
}

func httpRefused(ok bool) error {
	if ok {
		return nil
	}
	return errHTTPRefused
}

// web is the HTTP interface's calls, or errNoHTTP without one.
func (b *Backend) web() (httpFlat, error) {
	if !b.http.has {
		return nil, errNoHTTP
	}
	return b.api, nil
}

func (b *Backend) CreateHTTPRequest(method steam.HTTPMethod, url string) (uint32, error) {
	w, err := b.web()
	if err != nil {
		return 0, err
	}
	h := w.u32HI32S(symCreateHTTPRequest, int32(method), url)
	if h == steam.HTTPRequestInvalidHandle {
		return 0, errors.New("Steam made no request (INVALID_HTTPREQUEST_HANDLE)")
	}
	return h, nil
}

func (b *Backend) SetHTTPRequest(h uint32, o steam.HTTPOption) error {
	w, err := b.web()
	if err != nil {
		return err
	}
	var ok bool
	switch o.Kind {
	case steam.HTTPContextValue:
		if ok = w.bHU32U64(symSetHTTPRequestContextValue, h, o.N); ok && len(b.http.contexts) < maxHTTPContexts {
			b.http.contexts[h] = o.N
		}
	case steam.HTTPActivityTimeout:
		ok = w.bHU32U32(symSetHTTPRequestNetworkActivityTimeout, h, uint32(o.N))
	case steam.HTTPAbsoluteTimeout:
		ok = w.bHU32U32(symSetHTTPRequestAbsoluteTimeoutMS, h, uint32(o.N))
	case steam.HTTPHeader:
		ok = w.bHU32SS(symSetHTTPRequestHeaderValue, h, o.Name, o.Value)
	case steam.HTTPGetOrPostParameter:
		ok = w.bHU32SS(symSetHTTPRequestGetOrPostParameter, h, o.Name, o.Value)
	case steam.HTTPRawPostBody:
		ok = w.bHU32SPBuf(symSetHTTPRequestRawPostBody, h, o.Name, o.Body)
	case steam.HTTPCookieContainer:
		ok = w.bHU32U32(symSetHTTPRequestCookieContainer, h, uint32(o.N))
	case steam.HTTPUserAgentInfo:
		ok = w.bHU32S(symSetHTTPRequestUserAgentInfo, h, o.Value)
	case steam.HTTPRequiresVerifiedCert:
		ok = w.bHU32B(symSetHTTPRequestRequiresVerifiedCertificate, h, o.On)
	}
	return httpRefused(ok)
}

// SendHTTPRequest sends; the answer comes as the call's result, through the pump.
func (b *Backend) SendHTTPRequest(h uint32, stream bool) error {
	w, err := b.web()
	if err != nil {
		return err
	}
	s := symSendHTTPRequest
	if stream {
		s = symSendHTTPRequestAndStreamResponse
	}
	ok, call := w.bHU32PU64(s, h)
	b.startedCall(call) // isAPICallCompleted / getAPICallFailureReason ask about it
	if ok && call != 0 && len(b.http.pending) < maxPendingCalls {
		b.http.pending[call] = h
	}
	return httpRefused(ok)
}

func (b *Backend) MoveHTTPRequest(h uint32, toFront bool) error {
	w, err := b.web()
	if err != nil {
		return err
	}
	if toFront {
		return httpRefused(w.bHU32(symPrioritizeHTTPRequest, h))
	}
	return httpRefused(w.bHU32(symDeferHTTPRequest, h))
}

func (b *Backend) ReleaseHTTPRequest(h uint32) error {
	w, err := b.web()
	if err != nil {
		return err
	}
	delete(b.http.contexts, h)
	return httpRefused(w.bHU32(symReleaseHTTPRequest, h))
}

// HTTPResponseHeader asks the value's size, then the value. A trailing NUL (should Steam count
// one) is not part of the value.
func (b *Backend) HTTPResponseHeader(h uint32, name string) ([]byte, error) {
	w, err := b.web()
	if err != nil {
		return nil, err
	}
	ok, size := w.bHU32SPU32(symGetHTTPResponseHeaderSize, h, name)
	if !ok {
		return nil, errHTTPRefused
	}
	if size > steam.MaxHTTPHeaderLen*8 {
		return nil, errors.New("Steam gave a header size beyond any header's")
	}
	buf := make([]byte, size)
	if size > 0 && !w.bHU32SPBuf(symGetHTTPResponseHeaderValue, h, name, buf) {
		return nil, errHTTPRefused
	}
	return bytes.TrimSuffix(buf, []byte{0}), nil
}

func (b *Backend) HTTPResponseBodySize(h uint32) (uint32, error) {
	w, err := b.web()
	if err != nil {
		return 0, err
	}
	ok, size := w.bHU32PU32(symGetHTTPResponseBodySize, h)
	return size, httpRefused(ok)
}

// HTTPResponseBody asks the body's size, then reads it into a buffer of exactly that size, as
// Steam wants.
func (b *Backend) HTTPResponseBody(h uint32, max uint32) ([]byte, error) {
	size, err := b.HTTPResponseBodySize(h)
	if err != nil {
		return nil, err
	}
	if size > max {
		return nil, steam.HTTPBufferTooSmall(int(max), int(size))
	}
	buf := make([]byte, size)
	if size > 0 && !b.api.bHU32PBuf(symGetHTTPResponseBodyData, h, buf) {
		return nil, errHTTPRefused
	}
	return buf, nil
}

func (b *Backend) HTTPStreamingBody(h uint32, offset, size uint32) ([]byte, error) {
	w, err := b.web()
	if err != nil {
		return nil, err
	}
	if size > maxStreamChunk {
		return nil, steam.HTTPBufferTooSmall(int(size), maxStreamChunk)
	}
	buf := make([]byte, size)
	if !w.bHU32U32PBuf(symGetHTTPStreamingResponseBodyData, h, offset, buf) {
		return nil, errHTTPRefused
	}
	return buf, nil
}

func (b *Backend) HTTPDownloadProgress(h uint32) (float32, error) {
	w, err := b.web()
	if err != nil {
		return 0, err
	}
	ok, pct := w.bHU32PF32(symGetHTTPDownloadProgressPct, h)
	return pct, httpRefused(ok)
}

func (b *Backend) HTTPWasTimedOut(h uint32) (bool, error) {
	w, err := b.web()
	if err != nil {
		return false, err
	}
	ok, timedOut := w.bHU32PB(symGetHTTPRequestWasTimedOut, h)
	return timedOut, httpRefused(ok)
}

func (b *Backend) CreateCookieContainer(allowResponsesToModify bool) (uint32, error) {
	w, err := b.web()
	if err != nil {
		return 0, err
	}
	c := w.u32HB(symCreateCookieContainer, allowResponsesToModify)
	if c == steam.HTTPCookieInvalidHandle {
		return 0, errors.New("Steam made no cookie container (INVALID_HTTPCOOKIE_HANDLE)")
	}
	return c, nil
}

func (b *Backend) ReleaseCookieContainer(c uint32) error {
	w, err := b.web()
	if err != nil {
		return err
	}
	return httpRefused(w.bHU32(symReleaseCookieContainer, c))
}

func (b *Backend) SetCookie(c uint32, host, url, cookie string) error {
	w, err := b.web()
	if err != nil {
		return err
	}
	return httpRefused(w.bHU32SSS(symSetCookie, c, host, url, cookie))
}
