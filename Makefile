# One command to build and render the course, one to run every test.
#   make        set up, build in release mode, render the course into Output/
#   make test   set up, build, run the unit, end-to-end and browser tests and the
#               benchmark runner's own tests

SWIFT_BUILD_FLAGS := -c release
REDBOOK := .build/release/redbook

.PHONY: all setup build course test browser-test clean

all: course

setup:
	scripts/setup

build: setup
	swift build $(SWIFT_BUILD_FLAGS)

course: build
	$(REDBOOK) render Notebooks

test: build
	swift test $(SWIFT_BUILD_FLAGS)
	scripts/browser-test
	python3 -m unittest discover -s Benchmarks/tests

# Loads a rendered sample page in headless Chromium; fails on console errors or missing assets.
browser-test: build
	scripts/browser-test

clean:
	swift package clean
