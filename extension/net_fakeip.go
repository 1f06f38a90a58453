package main

import (
	"errors"
	"fmt"

	"github.com/gosteam/godot-steam-server/steam"
)

// GodotSteam Server 4's FakeIP and certificate calls. FakeIP needs Steam Datagram Relay, which the
// offline backend does not have; certificates come from a game coordinator, and offline the
// realm's tickets authenticate every connection instead. Neither is in steam.NetworkingBackend
// yet, so every call is refused on both backends with a message saying so (fake_ip_result is
// never emitted), except getRemoteFakeIPForConnection, which answers RESULT_IP_NOT_FOUND for a
// connection that is open: none is made over FakeIP.

var errNoFakeIP = errors.New("FakeIP needs Steam Datagram Relay, which the offline backend does not have (and no backend offers FakeIP yet)")

var errNoCertificates = errors.New("certificates come from a game coordinator: offline, connections are authenticated with the realm's tickets instead (and no backend offers certificates yet)")

// fakeIPRefused is a FakeIP call: its arguments' types are checked, then it is refused.
func fakeIPRefused[R any](name string, args []string, checks []argChecker, r result[R], doc string) method {
	return method{name: name, args: args, steam: isns + upperFirst(name), offline: "refused: no FakeIP offline",
		bind: refuse(checks, r, fmt.Errorf("%w: refused", errNoFakeIP)), doc: doc + " Refused on both backends: no FakeIP yet."}
}

// fakeIP is getFakeIP's {result, identity_type, ip, ports}.
type fakeIP struct{ result steam.Result }

var fakeIPRow = method{name: "getFakeIP", args: names("first_port"), defaults: []any{int64(0)}, steam: isns + "GetFakeIP", offline: "refused: no FakeIP offline",
	bind: refuse([]argChecker{int32Arg}, withFallback(dictRet(func(d dict, v fakeIP) {
		d.int(keyResult, int64(v.result))
		d.int(keyIdentityType, 0)
		d.string(keyIP, "")
		d.ints(keyPorts, nil)
	}), fakeIP{steam.ResultFail}), fmt.Errorf("%w: refused, returns result RESULT_FAIL", errNoFakeIP)),
	doc: "The FakeIP and ports beginAsyncRequestFakeIP got: `{result, identity_type, ip, ports}`. Refused on both backends (no FakeIP yet): `{result: RESULT_FAIL, identity_type: 0, ip: \"\", ports: []}`."}

// remoteFakeIP is getRemoteFakeIPForConnection's {result, ip_address, port, ip_type}.
type remoteFakeIP struct{ result steam.Result }

var remoteFakeIPRow = method{name: "getRemoteFakeIPForConnection", args: names("connection"), steam: isns + "GetRemoteFakeIPForConnection",
	offline: "RESULT_IP_NOT_FOUND (31) for an open connection: none is made over FakeIP",
	bind: call1(uint32Arg, withFallback(dictRet(func(d dict, v remoteFakeIP) {
		d.int(keyResult, int64(v.result))
		d.string(keyIPAddress, "")
		d.int(keyPort, 0)
		d.int(keyIPType, 0)
	}), remoteFakeIP{steam.ResultInvalidParam}), remoteFakeIPFor),
	doc: "The FakeIP of a connection's peer: `{result, ip_address, port, ip_type}`; RESULT_IP_NOT_FOUND for a connection not made over FakeIP (every one, as no backend has FakeIP yet), RESULT_INVALID_PARAM when refused."}

func remoteFakeIPFor(s *steam.Server, conn int64) (remoteFakeIP, error) {
	if _, err := s.GetConnectionInfo(conn); err != nil {
		return remoteFakeIP{steam.ResultInvalidParam}, err
	}
	return remoteFakeIP{steam.ResultIPNotFound}, nil
}

// certificate is getCertificateRequest's {certificate, error_message} and setCertificate's
// {response, error}: both keys always, the error saying why.
type certificate struct {
	blob []byte
	err  string
}

var certificateRequestRow = method{name: "getCertificateRequest", steam: isns + "GetCertificateRequest", offline: "refused: the realm's tickets authenticate",
	bind: refuse(nil, withFallback(dictRet(func(d dict, v certificate) {
		d.bytes(keyCertificate, v.blob)
		d.string(keyErrorMessage, v.err)
	}), certificate{err: errNoCertificates.Error()}), fmt.Errorf("%w: refused", errNoCertificates)),
	doc: "A certificate request for a game coordinator to sign: `{certificate, error_message}`. Refused on both backends (no certificates yet): an empty `certificate` and why."}

var certificateSetRow = method{name: "setCertificate", args: names("certificate"), steam: isns + "SetCertificate", offline: "refused: the realm's tickets authenticate",
	bind: refuse([]argChecker{byteArray}, withFallback(dictRet(func(d dict, v certificate) {
		d.bool(keyResponse, false)
		d.string(keyError, v.err)
	}), certificate{err: errNoCertificates.Error()}), fmt.Errorf("%w: refused", errNoCertificates)),
	doc: "Sets the certificate a game coordinator signed: `{response, error}`. Refused on both backends (no certificates yet): `response` false and why."}
