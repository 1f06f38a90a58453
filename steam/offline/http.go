package offline

// HTTP offline is real HTTP: requests go out through Go's net/http, each on a goroutine of its
// own, and their answers reach the event queue, so run_callbacks emits them on the main thread in
// the order they happened. Nothing a request does waits on the main thread, and nothing the main
// thread does waits on the network.
//
// Decisions where Steam itself cannot be asked (docs/http.md says them all):
//   - At most MaxInFlight requests run at once; sent requests beyond that wait in a queue, in the
//     order sent, which PrioritizeHTTPRequest and DeferHTTPRequest reorder.
//   - At most MaxRequests requests are open (created and not released), and 64 cookie containers.
//   - A body larger than MaxBody bytes fails the request (request_success false, status 0). For a
//     streamed request the bound is on the chunks not yet read: read chunks are freed.
//   - The network activity timeout is 60 s unless set (the SDK's default); 0 means none. There is
//     no absolute timeout unless set.
//   - The User-Agent is "Valve/Steam HTTP Client 1.0 (<app ID>)", with setHTTPRequestUserAgentInfo's
//     text after a space; a User-Agent header set on the request replaces it whole.
//   - Redirects are followed (up to 10), with the request's cookie container; no proxy is used.

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
)

// The bounds of the offline HTTP client (HTTPOptions' zero values).
const (
	DefaultHTTPMaxBody        = 64 << 20
	DefaultHTTPMaxRequests    = 1024
	DefaultHTTPMaxInFlight    = 8
	maxCookieContainers       = 64
	defaultActivityTimeout    = 60 * time.Second
	httpUserAgent             = "Valve/Steam HTTP Client 1.0"
	httpIdleConnectionTimeout = 30 * time.Second
)

// EnvHTTPMaxBody names the environment variable that sets the body size limit in bytes.
const EnvHTTPMaxBody = "GOSTEAM_HTTP_MAX_BODY"

// HTTPOptions configures the offline HTTP client; the zero value is usable.
type HTTPOptions struct {
	// MaxBody bounds a response body, in bytes; 0: $GOSTEAM_HTTP_MAX_BODY, else DefaultHTTPMaxBody.
	MaxBody int64
	// MaxRequests bounds the open requests; 0: DefaultHTTPMaxRequests.
	MaxRequests int
	// MaxInFlight bounds the requests running at once; 0: DefaultHTTPMaxInFlight.
	MaxInFlight int
	// RootCAs are the certificates a request that requires a verified certificate trusts; nil:
	// the system's.
	RootCAs *x509.CertPool
}

// Handles count up across every backend of the process, so that a handle kept from before a
// restart never names a new request.
var lastRequestHandle, lastCookieHandle atomic.Uint32

func nextHTTPHandle(last *atomic.Uint32) uint32 {
	for {
		if h := last.Add(1); h != 0 {
			return h
		}
	}
}

// Why a running request's context ended (context.Cause).
var (
	errReleased        = errors.New("released")
	errActivityTimeout = errors.New("no network activity within the timeout")
	errAbsoluteTimeout = errors.New("the absolute timeout ran out")
)

type requestState int

const (
	stateNew     requestState = iota // being shaped
	stateQueued                      // sent, waiting for a slot
	stateRunning                     // on its goroutine
	stateDone                        // completed, successfully or not
)

type header struct{ name, value string }

// httpRequest is one request: what the game shaped (set before sending only), and what came back
// (written by its goroutine, under the engine's lock).
type httpRequest struct {
	handle   uint32
	method   steam.HTTPMethod
	url      string
	context  uint64
	activity time.Duration
	absolute time.Duration
	headers  []header
	params   url.Values
	raw      []byte
	rawType  string
	hasRaw   bool
	cookies  *cookieContainer
	uaInfo   string
	verify   bool
	stream   bool

	state    requestState
	cancel   context.CancelCauseFunc
	released bool

	response  http.Header // set once the headers came
	status    int32
	body      []byte            // a whole, not streamed body
	chunks    map[uint32][]byte // a streamed body's chunks not read yet, by offset
	unread    int64
	received  int64
	length    int64 // Content-Length, -1 when unknown
	timedOut  bool
	succeeded bool
}

// httpEngine is one backend's HTTP client.
type httpEngine struct {
	opts       HTTPOptions
	userAgent  string
	push       func(steam.Event)
	verified   *http.Transport
	unverified *http.Transport

	mu         sync.Mutex
	closed     bool
	requests   map[uint32]*httpRequest
	containers map[uint32]*cookieContainer
	queue      []*httpRequest
	running    int
	wg         sync.WaitGroup
}

// httpOptions resolves the zero values of o.
func httpOptions(o HTTPOptions) (HTTPOptions, error) {
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultHTTPMaxBody
		if v := steam.Getenv(EnvHTTPMaxBody); v != "" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n <= 0 {
				return o, fmt.Errorf("%s=%q: must be a number of bytes above 0", EnvHTTPMaxBody, v)
			}
			o.MaxBody = n
		}
	}
	if o.MaxRequests <= 0 {
		o.MaxRequests = DefaultHTTPMaxRequests
	}
	if o.MaxInFlight <= 0 {
		o.MaxInFlight = DefaultHTTPMaxInFlight
	}
	return o, nil
}

func newHTTPEngine(opts HTTPOptions, appID uint32, push func(steam.Event)) (*httpEngine, error) {
	opts, err := httpOptions(opts)
	if err != nil {
		return nil, err
	}
	transport := func(tlsConfig *tls.Config) *http.Transport {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.Proxy = nil
		t.TLSClientConfig = tlsConfig
		t.IdleConnTimeout = httpIdleConnectionTimeout
		return t
	}
	return &httpEngine{
		opts:       opts,
		userAgent:  fmt.Sprintf("%s (%d)", httpUserAgent, appID),
		push:       push,
		verified:   transport(&tls.Config{RootCAs: opts.RootCAs}),
		unverified: transport(&tls.Config{InsecureSkipVerify: true}), //nolint:gosec // the game asked for it
		requests:   map[uint32]*httpRequest{},
		containers: map[uint32]*cookieContainer{},
	}, nil
}

var errUnknownRequest = errors.New("names no open HTTP request (released, or never created by this server)")

// request is the open request h; the caller holds e.mu.
func (e *httpEngine) request(h uint32) (*httpRequest, error) {
	r, ok := e.requests[h]
	if !ok {
		return nil, fmt.Errorf("request_handle %d %w", h, errUnknownRequest)
	}
	return r, nil
}

// with runs fn on the open request h, under e.mu.
func (e *httpEngine) with(h uint32, fn func(r *httpRequest) error) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	r, err := e.request(h)
	if err != nil {
		return err
	}
	return fn(r)
}

func (e *httpEngine) create(method steam.HTTPMethod, rawURL string) (uint32, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(e.requests) >= e.opts.MaxRequests {
		return 0, fmt.Errorf("already %d HTTP requests open: release some with releaseHTTPRequest", len(e.requests))
	}
	r := &httpRequest{handle: nextHTTPHandle(&lastRequestHandle), method: method, url: rawURL, activity: defaultActivityTimeout,
		params: url.Values{}, verify: true, length: -1}
	e.requests[r.handle] = r
	return r.handle, nil
}

// set applies one setter to a request not sent yet.
func (e *httpEngine) set(h uint32, o steam.HTTPOption) error {
	return e.with(h, func(r *httpRequest) error { return e.shape(r, o) })
}

// shape applies o to r; the caller holds e.mu.
func (e *httpEngine) shape(r *httpRequest, o steam.HTTPOption) error {
	if r.state != stateNew {
		return errors.New("the request was sent already: set it up before sendHTTPRequest")
	}
	switch o.Kind {
	case steam.HTTPContextValue:
		r.context = o.N
	case steam.HTTPActivityTimeout:
		r.activity = time.Duration(o.N) * time.Second
	case steam.HTTPAbsoluteTimeout:
		r.absolute = time.Duration(o.N) * time.Millisecond
	case steam.HTTPHeader:
		if strings.EqualFold(o.Name, "Content-Length") || strings.EqualFold(o.Name, "Transfer-Encoding") {
			return fmt.Errorf("%s is set from the body: give the body with setHTTPRequestRawPostBody", o.Name)
		}
		r.headers = slices.DeleteFunc(r.headers, func(h header) bool { return strings.EqualFold(h.name, o.Name) })
		r.headers = append(r.headers, header{o.Name, o.Value})
	case steam.HTTPGetOrPostParameter:
		if r.hasRaw && r.method == steam.HTTPMethodPOST {
			return errors.New("the request has a raw body already: a POST's parameters would be its body too")
		}
		r.params.Set(o.Name, o.Value)
	case steam.HTTPRawPostBody:
		if r.method == steam.HTTPMethodGET || r.method == steam.HTTPMethodHEAD {
			return fmt.Errorf("a %s request has no body", r.method)
		}
		if r.method == steam.HTTPMethodPOST && len(r.params) > 0 {
			return errors.New("the request has POST parameters already: they are its body")
		}
		r.raw, r.rawType, r.hasRaw = o.Body, o.Name, true
	case steam.HTTPCookieContainer:
		c, ok := e.containers[uint32(o.N)]
		if !ok {
			return fmt.Errorf("cookie_handle %d names no cookie container (released, or never created by this server)", o.N)
		}
		r.cookies = c
	case steam.HTTPUserAgentInfo:
		r.uaInfo = o.Value
	case steam.HTTPRequiresVerifiedCert:
		r.verify = o.On
	}
	return nil
}

// send queues a new request and starts what the in-flight bound allows.
func (e *httpEngine) send(h uint32, stream bool) error {
	return e.with(h, func(r *httpRequest) error {
		if r.state != stateNew {
			return errors.New("the request was sent already")
		}
		r.stream = stream
		r.state = stateQueued
		e.queue = append(e.queue, r)
		e.startQueued()
		return nil
	})
}

// move puts a queued request at the head or the tail of the queue. A request already running or
// done has nowhere to move: that is not an error, as it is not in Steam.
func (e *httpEngine) move(h uint32, toFront bool) error {
	return e.with(h, func(r *httpRequest) error {
		if r.state == stateNew {
			return errors.New("the request is not sent yet")
		}
		if i := slices.Index(e.queue, r); i >= 0 {
			e.queue = slices.Delete(e.queue, i, i+1)
			if toFront {
				e.queue = slices.Insert(e.queue, 0, r)
			} else {
				e.queue = append(e.queue, r)
			}
		}
		return nil
	})
}

// release forgets a request; a running one is cancelled and queues no more events.
func (e *httpEngine) release(h uint32) error {
	return e.with(h, func(r *httpRequest) error { e.drop(r); return nil })
}

// drop forgets r; the caller holds e.mu.
func (e *httpEngine) drop(r *httpRequest) {
	r.released = true
	delete(e.requests, r.handle)
	if i := slices.Index(e.queue, r); i >= 0 {
		e.queue = slices.Delete(e.queue, i, i+1)
	}
	if r.cancel != nil {
		r.cancel(errReleased)
	}
	r.body, r.chunks = nil, nil
}

// startQueued starts queued requests while the in-flight bound allows; the caller holds e.mu.
func (e *httpEngine) startQueued() {
	for !e.closed && e.running < e.opts.MaxInFlight && len(e.queue) > 0 {
		r := e.queue[0]
		e.queue = e.queue[1:]
		e.start(r)
	}
}

// shutdown cancels every request and waits for their goroutines: after it returns, no event of
// this engine is queued any more.
func (e *httpEngine) shutdown() {
	if e == nil {
		return
	}
	e.mu.Lock()
	e.closed = true
	for _, r := range e.requests {
		e.drop(r)
	}
	e.containers = map[uint32]*cookieContainer{}
	e.mu.Unlock()
	e.wg.Wait()
	e.verified.CloseIdleConnections()
	e.unverified.CloseIdleConnections()
}
