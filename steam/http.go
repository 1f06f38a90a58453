package steam

// HTTP (ISteamHTTP through SteamGameServerHTTP): a game server's own HTTP client. A request is
// created, shaped (parameters, headers, a raw body, cookies, timeouts), sent, and answered later by
// HTTPRequestCompleted (and, streamed, by HTTPRequestHeadersReceived and HTTPRequestDataReceived
// per chunk); the response is read with the accessors until the request is released. The front
// checks what Steam would refuse without asking it (handles, methods, URLs, header syntax, sizes);
// the backend refuses what only it knows (an unknown handle, a request already sent).

import (
	"errors"
	"net/url"
	"strings"
)

// HTTPMethod is EHTTPMethod.
type HTTPMethod int32

const (
	HTTPMethodInvalid HTTPMethod = 0
	HTTPMethodGET     HTTPMethod = 1
	HTTPMethodHEAD    HTTPMethod = 2
	HTTPMethodPOST    HTTPMethod = 3
	HTTPMethodPUT     HTTPMethod = 4
	HTTPMethodDELETE  HTTPMethod = 5
	HTTPMethodOPTIONS HTTPMethod = 6
	HTTPMethodPATCH   HTTPMethod = 7
)

var httpMethodNames = [...]string{"", "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"}

// String is the method as HTTP writes it; "" for an invalid one.
func (m HTTPMethod) String() string {
	if m <= HTTPMethodInvalid || int(m) >= len(httpMethodNames) {
		return ""
	}
	return httpMethodNames[m]
}

// HTTPRequestInvalidHandle and HTTPCookieInvalidHandle are INVALID_HTTPREQUEST_HANDLE and
// INVALID_HTTPCOOKIE_HANDLE: what a refused create returns.
const (
	HTTPRequestInvalidHandle = 0
	HTTPCookieInvalidHandle  = 0
)

// Bounds the front puts on arguments, so a huge one is refused before any backend copies it.
const (
	MaxHTTPURLLen       = 8192
	MaxHTTPHeaderLen    = 8192     // a header's name, or its value
	MaxHTTPParamLen     = 64 << 10 // a GET or POST parameter's name, or its value
	MaxHTTPRawBody      = 64 << 20 // setHTTPRequestRawPostBody's body
	MaxHTTPUserAgentLen = 1024
	MaxHTTPCookieLen    = 4096 // RFC 6265's smallest limit a client must support
)

// HTTPOptionKind names one setHTTPRequest* setter.
type HTTPOptionKind int

const (
	HTTPContextValue         HTTPOptionKind = iota // N
	HTTPActivityTimeout                            // N: seconds without network activity; 0: none
	HTTPAbsoluteTimeout                            // N: milliseconds from sending; 0: none
	HTTPHeader                                     // Name, Value
	HTTPGetOrPostParameter                         // Name, Value
	HTTPRawPostBody                                // Name: the content type; Body
	HTTPCookieContainer                            // N: a cookie container handle
	HTTPUserAgentInfo                              // Value
	HTTPRequiresVerifiedCert                       // On
)

// HTTPOption is one setter call on an unsent request.
type HTTPOption struct {
	Kind        HTTPOptionKind
	N           uint64
	Name, Value string
	Body        []byte
	On          bool
}

// HTTPRequestCompleted is HTTPRequestCompleted_t: the request finished. Success is false when no
// response came (a transport failure, a timeout, a response too large), with Status 0.
type HTTPRequestCompleted struct {
	Request  uint32
	Context  uint64
	Success  bool
	Status   int32 // an HTTPStatusCode value
	BodySize uint32
}

// HTTPRequestHeadersReceived is HTTPRequestHeadersReceived_t: a streamed request's headers came.
type HTTPRequestHeadersReceived struct {
	Request uint32
	Context uint64
}

// HTTPRequestDataReceived is HTTPRequestDataReceived_t: one chunk of a streamed body came, to be
// read with getHTTPStreamingResponseBodyData(request, Offset, BytesReceived).
type HTTPRequestDataReceived struct {
	Request       uint32
	Context       uint64
	Offset        uint32
	BytesReceived uint32
}

func (HTTPRequestCompleted) event()       {}
func (HTTPRequestHeadersReceived) event() {}
func (HTTPRequestDataReceived) event()    {}

// HTTPStatus is the HTTPStatusCode Steam reports for a status line's code: the codes the enum
// names as they are, any other 4xx as 418 (the SDK's k_EHTTPStatusCode4xxUnknown: "418 is
// reserved, so we'll use it to mean unknown"), any other 5xx as 599 (5xxUnknown), others as they are.
func HTTPStatus(code int) int32 {
	for _, c := range httpStatusCodes {
		if int64(code) == c.Value {
			return int32(code)
		}
	}
	switch {
	case code >= 400 && code < 500:
		return 418
	case code >= 500 && code < 600:
		return 599
	}
	return int32(code)
}

// HTTPBackend is what a backend with ISteamHTTP implements; any other has every HTTP call refused
// with ErrNoHTTP. An error is Steam's false (nothing changed), with the reason when the backend knows it.
type HTTPBackend interface {
	CreateHTTPRequest(method HTTPMethod, url string) (uint32, error)
	SetHTTPRequest(request uint32, o HTTPOption) error
	// SendHTTPRequest queues the request; its events follow. stream: SendHTTPRequestAndStreamResponse.
	SendHTTPRequest(request uint32, stream bool) error
	// MoveHTTPRequest moves a sent request to the head (PrioritizeHTTPRequest) or the tail
	// (DeferHTTPRequest) of the queue of requests waiting to go out.
	MoveHTTPRequest(request uint32, toFront bool) error
	ReleaseHTTPRequest(request uint32) error
	// HTTPResponseHeader is a response header's value; an error when the response lacks it.
	HTTPResponseHeader(request uint32, name string) ([]byte, error)
	HTTPResponseBodySize(request uint32) (uint32, error)
	// HTTPResponseBody is the whole body of a completed, not streamed request; refused when it is
	// larger than max bytes.
	HTTPResponseBody(request uint32, max uint32) ([]byte, error)
	// HTTPStreamingBody is the chunk an HTTPRequestDataReceived announced at offset, of size bytes.
	HTTPStreamingBody(request uint32, offset, size uint32) ([]byte, error)
	HTTPDownloadProgress(request uint32) (float32, error)
	HTTPWasTimedOut(request uint32) (bool, error)
	CreateCookieContainer(allowResponsesToModify bool) (uint32, error)
	ReleaseCookieContainer(container uint32) error
	SetCookie(container uint32, host, url, cookie string) error
}

// ErrNoHTTP is the refusal of a backend without the HTTP calls.
var ErrNoHTTP = errors.New("this backend has no HTTP calls")

func (s *Server) http(fn func(HTTPBackend) error) error {
	var berr error
	err := s.do(func(b Backend) {
		h, ok := b.(HTTPBackend)
		if !ok {
			berr = ErrNoHTTP
			return
		}
		berr = fn(h)
	})
	if err != nil {
		return err
	}
	return berr
}

// HTTPHandle checks a request or cookie container handle argument: an unsigned 32-bit value other
// than the invalid handle 0.
func HTTPHandle(arg string, v int64) (uint32, error) {
	if v <= 0 || v > 0xFFFFFFFF {
		return 0, argErrorf(arg, "must be a handle from 1 to 4294967295 (0 is the invalid handle), got %d", v)
	}
	return uint32(v), nil
}

func uint32Of(arg string, v int64) (uint32, error) {
	if v < 0 || v > 0xFFFFFFFF {
		return 0, argErrorf(arg, "must be from 0 to 4294967295, got %d", v)
	}
	return uint32(v), nil
}

// CheckHTTPURL accepts an absolute http:// or https:// URL with a host, as CreateHTTPRequest needs.
func CheckHTTPURL(arg, raw string) error {
	if err := checkLen(arg, raw, MaxHTTPURLLen); err != nil {
		return err
	}
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		return argErrorf(arg, "is not a URL: %v", err)
	case u.Scheme != "http" && u.Scheme != "https":
		return argErrorf(arg, "must start with http:// or https://, got %s", quoteShort(raw))
	case u.Host == "" || u.Hostname() == "":
		return argErrorf(arg, "has no host: %s", quoteShort(raw))
	}
	return nil
}

// checkHeaderName accepts an HTTP field name: one or more token characters (RFC 9110).
func checkHeaderName(arg, name string) error {
	if name == "" {
		return argErrorf(arg, "is empty")
	}
	if err := checkLen(arg, name, MaxHTTPHeaderLen); err != nil {
		return err
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c <= ' ' || c >= 0x7F || strings.IndexByte("\"(),/:;<=>?@[\\]{}", c) >= 0 {
			return argErrorf(arg, "must be an HTTP header name (letters, digits and !#$%%&'*+-.^_`|~), got %s", quoteShort(name))
		}
	}
	return nil
}

// checkFieldText accepts text that cannot break a request's framing: no CR, LF or NUL.
func checkFieldText(arg, v string, max int) error {
	if err := checkLen(arg, v, max); err != nil {
		return err
	}
	if strings.ContainsAny(v, "\r\n\x00") {
		return argErrorf(arg, "contains a line break or NUL character")
	}
	return nil
}

// HTTPBufferTooSmall is the refusal of a body or header read whose buffer_size cannot hold it.
func HTTPBufferTooSmall(size, need int) error {
	return argErrorf("buffer_size", "is %d; the response holds %d bytes (getHTTPResponseBodySize, getHTTPResponseHeaderSize)", size, need)
}
