//go:build !race

package udpbatch

const raceBuild = false
