package offline

// What the game reads of a response, and the cookie containers.

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"

	"github.com/gosteam/godot-steam-server/steam"
)

var (
	errNotCompleted = errors.New("the request has not completed yet: wait for http_request_completed")
	errNoResponse   = errors.New("the request got no response (http_request_completed said request_success false)")
)

// answered is the request h once its headers came; the caller holds e.mu.
func (e *httpEngine) answered(h uint32) (*httpRequest, error) {
	r, err := e.request(h)
	if err != nil {
		return nil, err
	}
	switch {
	case r.state == stateDone && !r.succeeded:
		return nil, errNoResponse
	case r.response == nil:
		return nil, errNotCompleted
	}
	return r, nil
}

// completed is the request h once it completed with a response; the caller holds e.mu.
func (e *httpEngine) completed(h uint32) (*httpRequest, error) {
	r, err := e.answered(h)
	if err == nil && r.state != stateDone {
		err = errNotCompleted
	}
	return r, err
}

func (e *httpEngine) header(h uint32, name string) ([]byte, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	r, err := e.answered(h)
	if err != nil {
		return nil, err
	}
	values := r.response.Values(name)
	if len(values) == 0 {
		return nil, fmt.Errorf("the response has no %s header", name)
	}
	return []byte(strings.Join(values, ", ")), nil
}

func (e *httpEngine) bodySize(h uint32) (uint32, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	r, err := e.completed(h)
	if err != nil {
		return 0, err
	}
	return uint32(r.received), nil
}

func (e *httpEngine) body(h uint32, max uint32) ([]byte, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	r, err := e.completed(h)
	switch {
	case err != nil:
		return nil, err
	case r.stream:
		return nil, errors.New("the response was streamed: read each chunk with getHTTPStreamingResponseBodyData")
	case uint64(len(r.body)) > uint64(max):
		return nil, steam.HTTPBufferTooSmall(int(max), len(r.body))
	}
	return append([]byte{}, r.body...), nil
}

// chunk hands out the streamed chunk announced at offset, and frees it.
func (e *httpEngine) chunk(h, offset, size uint32) (b []byte, err error) {
	err = e.with(h, func(r *httpRequest) error {
		if !r.stream {
			return errors.New("the request was not streamed (sendHTTPRequestAndStreamResponse): read its body with getHTTPResponseBodyData")
		}
		var ok bool
		if b, ok = r.chunks[offset]; !ok || uint32(len(b)) != size {
			return fmt.Errorf("no unread chunk of %d bytes at offset %d: give the offset and bytes_received of one http_request_data_received, once", size, offset)
		}
		delete(r.chunks, offset)
		r.unread -= int64(len(b))
		return nil
	})
	if err != nil {
		b = nil
	}
	return b, err
}

// progress is the share of the body received, in percent: 0 until a Content-Length came (and
// throughout without one), 100 once complete.
func (e *httpEngine) progress(h uint32) (pct float32, err error) {
	err = e.with(h, func(r *httpRequest) error {
		switch {
		case r.state == stateDone && r.succeeded:
			pct = 100
		case r.length > 0:
			pct = float32(float64(r.received) * 100 / float64(r.length))
		}
		return nil
	})
	return pct, err
}

func (e *httpEngine) wasTimedOut(h uint32) (timedOut bool, err error) {
	err = e.with(h, func(r *httpRequest) error { timedOut = r.timedOut; return nil })
	return timedOut, err
}

// cookieContainer is one container: a cookie jar that responses may add to only when allowed.
// It is the http.CookieJar of the requests using it.
type cookieContainer struct {
	jar            *cookiejar.Jar
	allowResponses bool
}

func (c *cookieContainer) Cookies(u *url.URL) []*http.Cookie { return c.jar.Cookies(u) }

func (c *cookieContainer) SetCookies(u *url.URL, cookies []*http.Cookie) {
	if c.allowResponses {
		c.jar.SetCookies(u, cookies)
	}
}

func (e *httpEngine) createContainer(allowResponses bool) (uint32, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(e.containers) >= maxCookieContainers {
		return 0, fmt.Errorf("already %d cookie containers: release some with releaseCookieContainer", len(e.containers))
	}
	jar, _ := cookiejar.New(nil) // never fails without options
	h := nextHTTPHandle(&lastCookieHandle)
	e.containers[h] = &cookieContainer{jar: jar, allowResponses: allowResponses}
	return h, nil
}

// releaseContainer forgets a container; requests given it keep using it.
func (e *httpEngine) releaseContainer(h uint32) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if _, ok := e.containers[h]; !ok {
		return fmt.Errorf("cookie_handle %d names no cookie container (released, or never created by this server)", h)
	}
	delete(e.containers, h)
	return nil
}

// setCookie adds cookie (a Set-Cookie value) for the page url names: an absolute URL, or a path on
// host (http://host/path).
func (e *httpEngine) setCookie(h uint32, host, rawURL, cookie string) error {
	e.mu.Lock()
	c, ok := e.containers[h]
	e.mu.Unlock()
	if !ok {
		return fmt.Errorf("cookie_handle %d names no cookie container (released, or never created by this server)", h)
	}
	parsed, err := http.ParseSetCookie(cookie)
	if err != nil {
		return fmt.Errorf("cookie %q is not a Set-Cookie value: %v", cookie, err)
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return fmt.Errorf("url %q: %v", rawURL, err)
	}
	if u.Host == "" {
		u = &url.URL{Scheme: "http", Host: host, Path: u.Path}
	}
	if u.Path == "" {
		u.Path = "/"
	}
	c.jar.SetCookies(u, []*http.Cookie{parsed})
	return nil
}
