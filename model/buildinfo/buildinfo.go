// Package buildinfo carries the version stamped in at link time
// (-ldflags "-X chuding/model/buildinfo.Version=…"), shown in 关于 and
// written into every bundle manifest.
package buildinfo

// Version is the app version from FyneApp.toml; "dev" for plain go builds.
var Version = "dev"

// AppName is the product name users see.
const AppName = "职称初定助手"
