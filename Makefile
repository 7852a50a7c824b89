# Built by `sam build`: template.yaml sets `Metadata: BuildMethod: makefile` on NotifierFunction, so SAM runs
# `make build-NotifierFunction` with ARTIFACTS_DIR set to the directory that becomes the function's zip.
# Paths are taken from this file's location, so make works whatever directory SAM runs it from.

ROOT := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
PROJECT := $(ROOT)/src/CloudTrailNotifier.Function
# Must match `Architectures: [x86_64]` in template.yaml.
RUNTIME_ID := linux-x64
# Intermediate and publish output stay out of the source tree's bin/ and obj/.
BUILD_DIR ?= $(ROOT)/.aws-sam/dotnet-$(RUNTIME_ID)

.PHONY: build-NotifierFunction

build-NotifierFunction:
	@test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set (sam build sets it; or run: make build-NotifierFunction ARTIFACTS_DIR=out)" >&2; exit 2; }
	rm -rf "$(BUILD_DIR)/publish"
	dotnet publish "$(PROJECT)" -c Release -r $(RUNTIME_ID) --artifacts-path "$(BUILD_DIR)" -o "$(BUILD_DIR)/publish"
	mkdir -p "$(ARTIFACTS_DIR)"
	install -m 0755 "$(BUILD_DIR)/publish/bootstrap" "$(ARTIFACTS_DIR)/bootstrap"
