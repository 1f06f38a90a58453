package offline

// One request on its goroutine: built from what the game set, sent, its response read chunk by
// chunk under the two timeouts, and each step reported as Steam reports it.

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
)

// readChunk is the most one read of a response body takes: a streamed request's chunks are at
// most this long.
const readChunk = 64 << 10

var errTooLarge = errors.New("the response body is larger than the offline HTTP body limit")

// start puts r on a goroutine of its own; the caller holds e.mu. The request is built here, from
// what the game set, so the goroutine reads nothing the game may still change.
func (e *httpEngine) start(r *httpRequest) {
	r.state = stateRunning
	ctx, cancel := context.WithCancelCause(context.Background())
	r.cancel = cancel
	if r.absolute > 0 {
		var stop context.CancelFunc
		ctx, stop = context.WithTimeoutCause(ctx, r.absolute, errAbsoluteTimeout)
		prev := cancel
		r.cancel = func(cause error) { prev(cause); stop() }
	}
	req, err := e.build(r, ctx)
	e.running++
	e.wg.Add(1)
	go e.run(r, ctx, req, err)
}

// build makes the net/http request: parameters in the query string, or a POST's form body; the
// raw body with its content type; the headers; Steam's User-Agent.
func (e *httpEngine) build(r *httpRequest, ctx context.Context) (*http.Request, error) {
	u, err := url.Parse(r.url)
	if err != nil {
		return nil, err
	}
	var body io.Reader
	contentType := ""
	if len(r.params) > 0 {
		form := r.params.Encode()
		if r.method == steam.HTTPMethodPOST {
			body, contentType = strings.NewReader(form), "application/x-www-form-urlencoded"
		} else if u.RawQuery == "" {
			u.RawQuery = form
		} else {
			u.RawQuery += "&" + form
		}
	}
	if r.hasRaw {
		body, contentType = bytes.NewReader(r.raw), r.rawType
	}
	req, err := http.NewRequestWithContext(ctx, r.method.String(), u.String(), body)
	if err != nil {
		return nil, err
	}
	for _, h := range r.headers {
		if strings.EqualFold(h.name, "Host") {
			req.Host = h.value
		} else {
			req.Header.Set(h.name, h.value)
		}
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if req.Header.Get("User-Agent") == "" {
		ua := e.userAgent
		if r.uaInfo != "" {
			ua += " " + r.uaInfo
		}
		req.Header.Set("User-Agent", ua)
	}
	return req, nil
}

// client is the http.Client of r: its certificate rule and its cookie container.
func (e *httpEngine) client(r *httpRequest) *http.Client {
	c := &http.Client{Transport: e.verified}
	if !r.verify {
		c.Transport = e.unverified
	}
	if r.cookies != nil {
		c.Jar = r.cookies
	}
	return c
}

// watchdog cancels a request when activity goes by without network activity (0: never).
type watchdog struct {
	timer    *time.Timer
	activity time.Duration
}

func newWatchdog(activity time.Duration, cancel context.CancelCauseFunc) *watchdog {
	w := &watchdog{activity: activity}
	if activity > 0 {
		w.timer = time.AfterFunc(activity, func() { cancel(errActivityTimeout) })
	}
	return w
}

func (w *watchdog) active() {
	if w.timer != nil {
		w.timer.Reset(w.activity)
	}
}

func (w *watchdog) stop() {
	if w.timer != nil {
		w.timer.Stop()
	}
}

// run sends the request and reads its response; it reports each step unless the request was
// released meanwhile.
func (e *httpEngine) run(r *httpRequest, ctx context.Context, req *http.Request, buildErr error) {
	defer e.wg.Done()
	defer e.finished()
	defer r.cancel(context.Canceled) // frees the context's timer; the outcome is reported by then
	if buildErr != nil {
		e.complete(r, ctx, buildErr)
		return
	}
	dog := newWatchdog(r.activity, r.cancel)
	defer dog.stop()
	resp, err := e.client(r).Do(req)
	if err != nil {
		e.complete(r, ctx, err)
		return
	}
	defer resp.Body.Close()
	dog.active()
	if !e.headersCame(r, resp) {
		e.complete(r, ctx, errTooLarge)
		return
	}
	buf := make([]byte, readChunk)
	for {
		n, err := resp.Body.Read(buf)
		if n > 0 {
			dog.active()
			if !e.took(r, buf[:n]) {
				e.complete(r, ctx, errTooLarge)
				return
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			e.complete(r, ctx, err)
			return
		}
	}
	e.complete(r, ctx, nil)
}

// headersCame records the response's status and headers; for a streamed request it reports them.
// False when the body is known to be larger than the limit already.
func (e *httpEngine) headersCame(r *httpRequest, resp *http.Response) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	if r.released {
		return true
	}
	r.status = steam.HTTPStatus(resp.StatusCode)
	r.response = resp.Header
	r.length = resp.ContentLength
	if r.stream {
		r.chunks = map[uint32][]byte{}
		e.push(steam.HTTPRequestHeadersReceived{Request: r.handle, Context: r.context})
	}
	return r.stream || r.length <= e.opts.MaxBody
}

// took keeps one piece of the body: appended to the body, or a streamed chunk, reported. False
// when the bytes held would go beyond the limit.
func (e *httpEngine) took(r *httpRequest, b []byte) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	if r.released {
		return true
	}
	if !r.stream {
		if int64(len(r.body)+len(b)) > e.opts.MaxBody {
			return false
		}
		r.body = append(r.body, b...)
		r.received += int64(len(b))
		return true
	}
	if r.unread+int64(len(b)) > e.opts.MaxBody || r.received+int64(len(b)) > 0xFFFFFFFF {
		return false
	}
	offset := uint32(r.received)
	r.chunks[offset] = bytes.Clone(b)
	r.unread += int64(len(b))
	r.received += int64(len(b))
	e.push(steam.HTTPRequestDataReceived{Request: r.handle, Context: r.context, Offset: offset, BytesReceived: uint32(len(b))})
	return true
}

// complete reports the request done: a response (err nil), or none, with status 0.
func (e *httpEngine) complete(r *httpRequest, ctx context.Context, err error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if r.released {
		return
	}
	r.state = stateDone
	r.succeeded = err == nil
	if err != nil {
		cause := context.Cause(ctx)
		r.timedOut = errors.Is(cause, errActivityTimeout) || errors.Is(cause, errAbsoluteTimeout)
		r.status, r.response, r.body, r.chunks, r.received, r.unread = 0, nil, nil, nil, 0, 0
	}
	e.push(steam.HTTPRequestCompleted{Request: r.handle, Context: r.context, Success: r.succeeded, Status: r.status,
		BodySize: uint32(r.received)})
}

// finished frees the request's slot for the next queued one.
func (e *httpEngine) finished() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.running--
	e.startQueued()
}
