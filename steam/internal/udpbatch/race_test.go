//go:build race

package udpbatch

// raceBuild: sync.Pool drops some of what it is given under the race detector, so x/net's pooled
// buffers are now and then allocated again.
const raceBuild = true
