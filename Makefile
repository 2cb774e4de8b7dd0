# chuding — 职称初定助手. `make run` and `make test` work on a fresh Debian/Ubuntu machine.
SHELL := /bin/bash
export PATH := $(PATH):/usr/local/go/bin:$(HOME)/go/bin
GO      ?= go
TAGS    := migrated_fynedo
APP_ID  := $(shell sed -n 's/^ID *= *"\(.*\)"/\1/p' FyneApp.toml)
APP_NAME:= $(shell sed -n 's/^Name *= *"\(.*\)"/\1/p' FyneApp.toml)
VERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
BUILDNO := $(shell sed -n 's/^Build *= *\([0-9]*\)/\1/p' FyneApp.toml)
LDFLAGS := -X chuding/model/buildinfo.Version=$(VERSION)

# System packages: cgo + GL/X11 headers for Fyne; Xvfb to run headless;
# poppler-utils for the PDF read-back tests; unzip to check bundles open.
SYS_PKGS := gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
            libxinerama-dev libxi-dev libxxf86vm-dev xvfb xauth libgl1-mesa-dri poppler-utils unzip

# Packages whose tests need no cgo: run with the race detector.
RACE_PKGS := ./model/... ./pdfgen/... ./ui/...

.PHONY: deps build run test vet bench package clean

deps:
	@if ! command -v dpkg >/dev/null 2>&1; then \
	  echo "非 Debian/Ubuntu 系统：请自行安装 Go、gcc 与 OpenGL/X11 开发包（见 README）"; exit 0; fi; \
	missing=""; for p in $(SYS_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "正在安装缺少的系统软件包:$$missing"; \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	$(GO) build -tags $(TAGS) -ldflags "$(LDFLAGS)" -o bin/chuding ./cmd/chuding
	$(GO) build -tags $(TAGS) -ldflags "$(LDFLAGS)" -o bin/chuding-cli ./cmd/chuding-cli

run: build
	./bin/chuding

vet: deps
	$(GO) vet -tags $(TAGS) ./...

test: deps vet
	$(GO) test -tags $(TAGS) -count=1 ./...
	CGO_ENABLED=1 $(GO) test -tags $(TAGS) -race -count=1 $(RACE_PKGS)

bench: deps
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem ./...

# An installable package for this OS (tar.xz on Linux) in dist/.
package: deps
	mkdir -p dist
	cd cmd/chuding && $(GO) run fyne.io/tools/cmd/fyne@v1.7.4 package --release \
	  --name "$(APP_NAME)" --app-id "$(APP_ID)" --app-version "$(VERSION)" --app-build $(BUILDNO) \
	  --icon ../../assets/icon.png --tags $(TAGS)
	mv cmd/chuding/*.tar.xz dist/ 2>/dev/null || mv cmd/chuding/$(APP_NAME)* dist/ 2>/dev/null || true
	@ls -la dist

clean:
	rm -rf bin dist
