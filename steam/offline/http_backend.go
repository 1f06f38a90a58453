package offline

import "github.com/gosteam/godot-steam-server/steam"

// The offline backend's HTTP calls (steam.HTTPBackend): its engine's, started at Init and stopped
// at Shutdown (http.go).

var _ steam.HTTPBackend = (*Backend)(nil)

func (b *Backend) webEngine() *httpEngine {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.web
}

func (b *Backend) CreateHTTPRequest(method steam.HTTPMethod, url string) (uint32, error) {
	return b.webEngine().create(method, url)
}

func (b *Backend) SetHTTPRequest(request uint32, o steam.HTTPOption) error {
	return b.webEngine().set(request, o)
}

func (b *Backend) SendHTTPRequest(request uint32, stream bool) error {
	return b.webEngine().send(request, stream)
}

func (b *Backend) MoveHTTPRequest(request uint32, toFront bool) error {
	return b.webEngine().move(request, toFront)
}

func (b *Backend) ReleaseHTTPRequest(request uint32) error { return b.webEngine().release(request) }

func (b *Backend) HTTPResponseHeader(request uint32, name string) ([]byte, error) {
	return b.webEngine().header(request, name)
}

func (b *Backend) HTTPResponseBodySize(request uint32) (uint32, error) {
	return b.webEngine().bodySize(request)
}

func (b *Backend) HTTPResponseBody(request uint32, max uint32) ([]byte, error) {
	return b.webEngine().body(request, max)
}

func (b *Backend) HTTPStreamingBody(request uint32, offset, size uint32) ([]byte, error) {
	return b.webEngine().chunk(request, offset, size)
}

func (b *Backend) HTTPDownloadProgress(request uint32) (float32, error) {
	return b.webEngine().progress(request)
}

func (b *Backend) HTTPWasTimedOut(request uint32) (bool, error) {
	return b.webEngine().wasTimedOut(request)
}

func (b *Backend) CreateCookieContainer(allowResponsesToModify bool) (uint32, error) {
	return b.webEngine().createContainer(allowResponsesToModify)
}

func (b *Backend) ReleaseCookieContainer(container uint32) error {
	return b.webEngine().releaseContainer(container)
}

func (b *Backend) SetCookie(container uint32, host, url, cookie string) error {
	return b.webEngine().setCookie(container, host, url, cookie)
}

// pushFrom is how the HTTP goroutines queue events: on the queue given to Init, not through
// b.events, which the backend's lock guards.
func (b *Backend) pushFrom(events *steam.EventQueue) func(steam.Event) {
	return func(ev steam.Event) {
		if events != nil {
			b.announceCallResult(events, ev)
			events.Push(ev)
		}
	}
}
