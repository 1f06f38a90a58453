package steam

// The front's HTTP calls: each checks its arguments, then hands the backend's HTTP calls a clean
// request (http.go).

import (
	"fmt"
	"strings"
)

// CreateHTTPRequest makes a request; HTTPRequestInvalidHandle when refused.
func (s *Server) CreateHTTPRequest(method int64, rawURL string) (uint32, error) {
	if method < int64(HTTPMethodGET) || method > int64(HTTPMethodPATCH) {
		return HTTPRequestInvalidHandle, argErrorf("request_method", "must be an HTTPMethod from HTTP_METHOD_GET (1) to HTTP_METHOD_PATCH (7), got %d", method)
	}
	if err := CheckHTTPURL("absolute_url", rawURL); err != nil {
		return HTTPRequestInvalidHandle, err
	}
	var h uint32
	err := s.http(func(b HTTPBackend) (e error) { h, e = b.CreateHTTPRequest(HTTPMethod(method), rawURL); return })
	if err != nil {
		return HTTPRequestInvalidHandle, err
	}
	return h, nil
}

// SetHTTPRequest applies one setter to an unsent request, once its arguments passed the checks.
func (s *Server) SetHTTPRequest(request int64, o HTTPOption) error {
	h, err := HTTPHandle("request_handle", request)
	if err != nil {
		return err
	}
	if err := checkHTTPOption(o); err != nil {
		return err
	}
	return s.http(func(b HTTPBackend) error { return b.SetHTTPRequest(h, o) })
}

// checkHTTPOption checks a setter's arguments, named as GodotSteam Server 4 names them.
func checkHTTPOption(o HTTPOption) error {
	switch o.Kind {
	case HTTPHeader:
		if err := checkHeaderName("header_name", o.Name); err != nil {
			return err
		}
		return checkFieldText("header_value", o.Value, MaxHTTPHeaderLen)
	case HTTPGetOrPostParameter:
		if o.Name == "" {
			return argErrorf("name", "is empty")
		}
		if err := checkLen("name", o.Name, MaxHTTPParamLen); err != nil {
			return err
		}
		return checkLen("value", o.Value, MaxHTTPParamLen)
	case HTTPRawPostBody:
		if err := checkFieldText("content_type", o.Name, MaxHTTPHeaderLen); err != nil {
			return err
		}
		if len(o.Body) > MaxHTTPRawBody {
			return argErrorf("body", "is %d bytes long; at most %d are sent", len(o.Body), MaxHTTPRawBody)
		}
	case HTTPUserAgentInfo:
		return checkFieldText("user_agent_info", o.Value, MaxHTTPUserAgentLen)
	case HTTPActivityTimeout, HTTPAbsoluteTimeout:
		arg := map[HTTPOptionKind]string{HTTPActivityTimeout: "timeout_seconds", HTTPAbsoluteTimeout: "milliseconds"}[o.Kind]
		if _, err := uint32Of(arg, int64(o.N)); err != nil {
			return err
		}
	case HTTPCookieContainer:
		if o.N == 0 || o.N > 0xFFFFFFFF {
			return argErrorf("cookie_handle", "must be a handle from 1 to 4294967295 (0 is the invalid handle), got %d", int64(o.N))
		}
	}
	return nil
}

// SendHTTPRequest sends a request: HTTPRequestCompleted follows (and, streamed, the headers and
// each chunk of the body first).
func (s *Server) SendHTTPRequest(request int64, stream bool) error {
	h, err := HTTPHandle("request_handle", request)
	if err != nil {
		return err
	}
	return s.http(func(b HTTPBackend) error { return b.SendHTTPRequest(h, stream) })
}

// MoveHTTPRequest is PrioritizeHTTPRequest (toFront) or DeferHTTPRequest.
func (s *Server) MoveHTTPRequest(request int64, toFront bool) error {
	h, err := HTTPHandle("request_handle", request)
	if err != nil {
		return err
	}
	return s.http(func(b HTTPBackend) error { return b.MoveHTTPRequest(h, toFront) })
}

// ReleaseHTTPRequest frees a request; one still running is cancelled and sends no more events.
func (s *Server) ReleaseHTTPRequest(request int64) error {
	h, err := HTTPHandle("request_handle", request)
	if err != nil {
		return err
	}
	return s.http(func(b HTTPBackend) error { return b.ReleaseHTTPRequest(h) })
}

// httpHeader is a response header's value.
func (s *Server) httpHeader(request int64, name string) ([]byte, error) {
	h, err := HTTPHandle("request_handle", request)
	if err != nil {
		return nil, err
	}
	if err := checkHeaderName("header_name", name); err != nil {
		return nil, err
	}
	var v []byte
	err = s.http(func(b HTTPBackend) (e error) { v, e = b.HTTPResponseHeader(h, name); return })
	return v, err
}

// HTTPResponseHeaderSize is the size in bytes of a response header's value.
func (s *Server) HTTPResponseHeaderSize(request int64, name string) (uint32, error) {
	v, err := s.httpHeader(request, name)
	return uint32(len(v)), err
}

// HTTPResponseHeaderValue is a response header's value; bufferSize must hold it, as Steam's
// buffer must. A larger bufferSize returns the value only, not padded.
func (s *Server) HTTPResponseHeaderValue(request int64, name string, bufferSize int64) ([]byte, error) {
	size, err := uint32Of("buffer_size", bufferSize)
	if err != nil {
		return nil, err
	}
	v, err := s.httpHeader(request, name)
	if err != nil {
		return nil, err
	}
	if uint32(len(v)) > size {
		return nil, HTTPBufferTooSmall(int(size), len(v))
	}
	return v, nil
}

// HTTPResponseBodySize is the size of a completed request's body.
func (s *Server) HTTPResponseBodySize(request int64) (n uint32, err error) {
	h, err := HTTPHandle("request_handle", request)
	if err != nil {
		return 0, err
	}
	err = s.http(func(b HTTPBackend) (e error) { n, e = b.HTTPResponseBodySize(h); return })
	if err != nil {
		n = 0
	}
	return n, err
}

// HTTPResponseBody is a completed request's whole body; bufferSize must hold it, as Steam's buffer
// must. A larger bufferSize returns the body only, not padded.
func (s *Server) HTTPResponseBody(request int64, bufferSize int64) ([]byte, error) {
	h, err := HTTPHandle("request_handle", request)
	if err != nil {
		return nil, err
	}
	size, err := uint32Of("buffer_size", bufferSize)
	if err != nil {
		return nil, err
	}
	var body []byte
	err = s.http(func(b HTTPBackend) (e error) { body, e = b.HTTPResponseBody(h, size); return })
	return body, err
}

// HTTPStreamingBody is the chunk of a streamed body that http_request_data_received announced at
// offset, of bufferSize bytes.
func (s *Server) HTTPStreamingBody(request, offset, bufferSize int64) ([]byte, error) {
	h, err := HTTPHandle("request_handle", request)
	if err != nil {
		return nil, err
	}
	off, err := uint32Of("offset", offset)
	if err != nil {
		return nil, err
	}
	size, err := uint32Of("buffer_size", bufferSize)
	if err != nil {
		return nil, err
	}
	var chunk []byte
	err = s.http(func(b HTTPBackend) (e error) { chunk, e = b.HTTPStreamingBody(h, off, size); return })
	return chunk, err
}

// HTTPDownloadProgress is how much of the body came, in percent (0 while its length is unknown).
func (s *Server) HTTPDownloadProgress(request int64) (pct float32, err error) {
	h, err := HTTPHandle("request_handle", request)
	if err != nil {
		return 0, err
	}
	err = s.http(func(b HTTPBackend) (e error) { pct, e = b.HTTPDownloadProgress(h); return })
	if err != nil {
		pct = 0
	}
	return pct, err
}

// HTTPWasTimedOut says whether a request failed because one of its timeouts ran out.
func (s *Server) HTTPWasTimedOut(request int64) (timedOut bool, err error) {
	h, err := HTTPHandle("request_handle", request)
	if err != nil {
		return false, err
	}
	err = s.http(func(b HTTPBackend) (e error) { timedOut, e = b.HTTPWasTimedOut(h); return })
	return timedOut && err == nil, err
}

// CreateCookieContainer makes a cookie container; HTTPCookieInvalidHandle when refused.
func (s *Server) CreateCookieContainer(allowResponsesToModify bool) (uint32, error) {
	var c uint32
	err := s.http(func(b HTTPBackend) (e error) { c, e = b.CreateCookieContainer(allowResponsesToModify); return })
	if err != nil {
		return HTTPCookieInvalidHandle, err
	}
	return c, nil
}

func (s *Server) ReleaseCookieContainer(container int64) error {
	c, err := HTTPHandle("cookie_handle", container)
	if err != nil {
		return err
	}
	return s.http(func(b HTTPBackend) error { return b.ReleaseCookieContainer(c) })
}

// SetCookie adds a cookie (a Set-Cookie header's value) to a container, for host and url.
func (s *Server) SetCookie(container int64, host, rawURL, cookie string) error {
	c, err := HTTPHandle("cookie_handle", container)
	if err != nil {
		return err
	}
	if err := checkFieldText("host", host, 255); err != nil {
		return err
	}
	if err := checkFieldText("url", rawURL, MaxHTTPURLLen); err != nil {
		return err
	}
	if err := checkFieldText("cookie", cookie, MaxHTTPCookieLen); err != nil {
		return err
	}
	if !strings.Contains(cookie, "=") {
		return argErrorf("cookie", "must be name=value (a Set-Cookie header's value), got %s", quoteShort(cookie))
	}
	if host == "" && !strings.Contains(rawURL, "://") {
		return fmt.Errorf("host and url name no host: give the host, or an absolute url")
	}
	return s.http(func(b HTTPBackend) error { return b.SetCookie(c, host, rawURL, cookie) })
}
