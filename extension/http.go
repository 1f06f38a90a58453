package main

/*
#include "gdext.h"
*/
import "C"

import (
	"unsafe"

	"github.com/gosteam/godot-steam-server/signals"
	"github.com/gosteam/godot-steam-server/steam"
)

// HTTP (ISteamHTTP through SteamGameServerHTTP), with GodotSteam Server 4's names and signatures,
// on both classes. Offline the requests go out through Go's net/http (docs/http.md). A refused call
// prints why and returns false, 0, 0.0 or an empty PackedByteArray.

const httpOffline = "Go's net/http, from this machine (docs/http.md)"

// bytesRet returns a PackedByteArray.
var bytesRet = result[[]byte]{kind: kind{typeBytes, metaNone, "PackedByteArray", ""}, encode: func(r *C.sv_ret, v []byte) {
	if len(v) > 0 {
		C.sv_ret_set_bytes(r, (*C.uint8_t)(unsafe.Pointer(&v[0])), C.int64_t(len(v)))
	}
}}

var (
	httpMethod    = enumArg("HTTPMethod")
	httpSend      = []signals.ID{signals.HTTPRequestCompleted}
	httpStreamed  = []signals.ID{signals.HTTPRequestHeadersReceived, signals.HTTPRequestDataReceived, signals.HTTPRequestCompleted}
	requestHandle = names("request_handle")
)

// httpCall is one row of the table: ISteamHTTP's method of the same name (upper-cased), offline
// through net/http.
func httpCall(name string, args []string, b binding, doc string) method {
	return method{name: name, args: args, steam: "ISteamHTTP::" + upperFirst(name), offline: httpOffline, bind: b, doc: doc}
}

// ok adapts a call that returns only an error to GodotSteam's bool.
func ok(err error) (bool, error) { return err == nil, err }

// onRequest is a call taking only the request handle and returning Steam's bool.
func onRequest(name, doc string, emits []signals.ID, f func(s *steam.Server, h int64) error) method {
	m := httpCall(name, requestHandle, call1(uint32Arg, boolRet, func(s *steam.Server, h int64) (bool, error) { return ok(f(s, h)) }), doc)
	m.emits = emits
	return m
}

// httpSetter is a setHTTPRequest* call with one argument after the handle.
func httpSetter[T any](name, arg string, p param[T], option func(T) steam.HTTPOption, doc string) method {
	return httpCall(name, names("request_handle", arg),
		call2(uint32Arg, p, boolRet, func(s *steam.Server, h int64, v T) (bool, error) { return ok(s.SetHTTPRequest(h, option(v))) }), doc)
}

// httpTextSetter is a setHTTPRequest* call with two Strings after the handle.
func httpTextSetter(name, a, b string, kind steam.HTTPOptionKind, doc string) method {
	return httpCall(name, names("request_handle", a, b), call3(uint32Arg, text, text, boolRet, func(s *steam.Server, h int64, x, y string) (bool, error) {
		o := steam.HTTPOption{Kind: kind, Name: x, Value: y}
		if kind == steam.HTTPRawPostBody {
			o = steam.HTTPOption{Kind: kind, Name: x, Body: []byte(y)}
		}
		return ok(s.SetHTTPRequest(h, o))
	}), doc)
}

// u32Option is an option holding an unsigned 32-bit count or handle (the steam package refuses one
// outside that range by the argument's name).
func u32Option(kind steam.HTTPOptionKind) func(int64) steam.HTTPOption {
	return func(v int64) steam.HTTPOption { return steam.HTTPOption{Kind: kind, N: uint64(v)} }
}

var httpMethods = []method{
	httpCall("createCookieContainer", names("allow_response_to_modify"),
		call1(boolean, uint32Ret, (*steam.Server).CreateCookieContainer),
		"Makes a cookie container for requests (setHTTPRequestCookieContainer); `allow_response_to_modify` lets responses add cookies. Returns its handle, HTTPCOOKIE_INVALID_HANDLE (0) when refused."),
	httpCall("createHTTPRequest", names("request_method", "absolute_url"),
		call2(httpMethod, text, uint32Ret, (*steam.Server).CreateHTTPRequest),
		"Makes a request for an absolute http:// or https:// URL; set it up, then sendHTTPRequest. Returns its handle, HTTPREQUEST_INVALID_HANDLE (0) when refused."),
	onRequest("deferHTTPRequest", "Moves a sent request that is still waiting to go out to the back of the queue.", nil,
		func(s *steam.Server, h int64) error { return s.MoveHTTPRequest(h, false) }),
	httpCall("getHTTPDownloadProgressPct", requestHandle,
		call1(uint32Arg, floatRet, (*steam.Server).HTTPDownloadProgress),
		"How much of the body came, in percent: 0 until the response gives its length (and throughout without one), 100 once completed."),
	httpCall("getHTTPRequestWasTimedOut", requestHandle,
		call1(uint32Arg, boolRet, (*steam.Server).HTTPWasTimedOut),
		"Whether the request failed because its network activity or absolute timeout ran out."),
	httpCall("getHTTPResponseBodyData", names("request_handle", "buffer_size"),
		call2(uint32Arg, uint32Arg, bytesRet, (*steam.Server).HTTPResponseBody),
		"A completed request's body. `buffer_size` must be at least getHTTPResponseBodySize; the body alone is returned, never padded. Empty when refused (too small a buffer, a streamed or failed request)."),
	httpCall("getHTTPResponseBodySize", requestHandle,
		call1(uint32Arg, uint32Ret, (*steam.Server).HTTPResponseBodySize),
		"The size in bytes of a completed request's body (of all its chunks, streamed)."),
	httpCall("getHTTPResponseHeaderSize", names("request_handle", "header_name"),
		call2(uint32Arg, text, uint32Ret, (*steam.Server).HTTPResponseHeaderSize),
		"The size in bytes of a response header's value (names match whatever their case); 0 and an error when the response lacks it."),
	httpCall("getHTTPResponseHeaderValue", names("request_handle", "header_name", "buffer_size"),
		call3(uint32Arg, text, uint32Arg, bytesRet, (*steam.Server).HTTPResponseHeaderValue),
		"A response header's value as UTF-8 bytes (`.get_string_from_utf8()`); `buffer_size` must hold it. Repeated headers are joined with \", \"."),
	httpCall("getHTTPStreamingResponseBodyData", names("request_handle", "offset", "buffer_size"),
		call3(uint32Arg, uint32Arg, uint32Arg, bytesRet, (*steam.Server).HTTPStreamingBody),
		"One chunk of a streamed body: give the `offset` and `bytes_received` of its http_request_data_received. Offline each chunk is handed out once, then freed."),
	onRequest("prioritizeHTTPRequest", "Moves a sent request that is still waiting to go out to the front of the queue.", nil,
		func(s *steam.Server, h int64) error { return s.MoveHTTPRequest(h, true) }),
	httpCall("releaseCookieContainer", names("cookie_handle"),
		call1(uint32Arg, boolRet, func(s *steam.Server, c int64) (bool, error) { return ok(s.ReleaseCookieContainer(c)) }),
		"Frees a cookie container; requests given it keep it until they are released."),
	onRequest("releaseHTTPRequest", "Frees a request and its response. One still running is cancelled: it emits nothing more.", nil,
		(*steam.Server).ReleaseHTTPRequest),
	onRequest("sendHTTPRequest", "Sends the request. Triggers http_request_completed, on the main thread at run_callbacks.", httpSend,
		func(s *steam.Server, h int64) error { return s.SendHTTPRequest(h, false) }),
	onRequest("sendHTTPRequestAndStreamResponse", "Sends the request and streams the body: http_request_headers_received, an http_request_data_received per chunk, then http_request_completed.",
		httpStreamed, func(s *steam.Server, h int64) error { return s.SendHTTPRequest(h, true) }),
	{name: "setHTTPCookie", args: names("cookie_handle", "host", "url", "cookie"), steam: "ISteamHTTP::SetCookie", offline: httpOffline,
		bind: call4(uint32Arg, text, text, text, boolRet, func(s *steam.Server, c int64, host, url, cookie string) (bool, error) {
			return ok(s.SetCookie(c, host, url, cookie))
		}),
		doc: "Adds a cookie (a Set-Cookie value, `name=value; Path=/...`) to a container, for `url`: an absolute URL, or a path on `host`."},
	httpSetter("setHTTPRequestAbsoluteTimeoutMS", "milliseconds", uint32Arg, u32Option(steam.HTTPAbsoluteTimeout),
		"Fails the request this long after it starts, whatever it is doing (0: never, the default)."),
	httpSetter("setHTTPRequestContextValue", "context_value", handle,
		func(v uint64) steam.HTTPOption { return steam.HTTPOption{Kind: steam.HTTPContextValue, N: v} },
		"A value the request's signals carry as `context_value` (64 bits), to tell requests apart."),
	httpSetter("setHTTPRequestCookieContainer", "cookie_handle", uint32Arg, u32Option(steam.HTTPCookieContainer),
		"The cookie container the request sends cookies from (and, if allowed, stores the response's in)."),
	httpTextSetter("setHTTPRequestGetOrPostParameter", "name", "value", steam.HTTPGetOrPostParameter,
		"A parameter: in the form body of a POST (application/x-www-form-urlencoded), in the query string of any other method; the same name again replaces it."),
	httpTextSetter("setHTTPRequestHeaderValue", "header_name", "header_value", steam.HTTPHeader,
		"A request header; the same name again (whatever its case) replaces it. Content-Length and Transfer-Encoding come from the body."),
	httpSetter("setHTTPRequestNetworkActivityTimeout", "timeout_seconds", uint32Arg, u32Option(steam.HTTPActivityTimeout),
		"Fails the request after this many seconds without network activity (60 by default; 0: never)."),
	httpTextSetter("setHTTPRequestRawPostBody", "content_type", "body", steam.HTTPRawPostBody,
		"The whole body, as UTF-8 (without GodotSteam Server 4's trailing NUL), and its Content-Type; not on GET or HEAD, nor on a POST with parameters."),
	httpSetter("setHTTPRequestRequiresVerifiedCertificate", "require_verified_certificate", boolean,
		func(v bool) steam.HTTPOption { return steam.HTTPOption{Kind: steam.HTTPRequiresVerifiedCert, On: v} },
		"Whether an https:// server's certificate must verify (true, the default, as Steam)."),
	httpSetter("setHTTPRequestUserAgentInfo", "user_agent_info", text,
		func(v string) steam.HTTPOption { return steam.HTTPOption{Kind: steam.HTTPUserAgentInfo, Value: v} },
		"Text added, after a space, to the User-Agent \"Valve/Steam HTTP Client 1.0 (<app ID>)\"."),
}

// httpDifferences are where this extension departs from GodotSteam Server 4's HTTP calls on
// purpose: its defects, not copied (serverDifferences).
var httpDifferences = []serverDifference{
	{method: "getHTTPResponseBodyData",
		note: "The body alone, or an empty PackedByteArray (and an error) when refused; GodotSteam Server 4 returns `buffer_size` bytes whatever Steam did: zeros when Steam refused, the body padded with zeros when `buffer_size` is larger."},
	{method: "getHTTPResponseHeaderValue",
		note: "The value alone, or an empty PackedByteArray (and an error) when refused; GodotSteam Server 4 returns `buffer_size` bytes, zeros when Steam refused."},
	{method: "getHTTPStreamingResponseBodyData",
		note: "The chunk, or an empty PackedByteArray (and an error) when refused; GodotSteam Server 4 returns `buffer_size` zeros when Steam refused."},
	{method: "setHTTPRequestRawPostBody",
		note: "Sends the body's UTF-8 bytes; GodotSteam Server 4 sends one byte more, the trailing NUL of Godot's CharString."},
}
