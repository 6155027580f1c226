# tandem: a plain Makefile with pkg-config.
#   make            release build -> ./tandem
#   make run        install missing packages, build, seed a demo, serve
#   make check      the whole test suite, normal and sanitizer builds
#   make asan       build/asan/tandem with AddressSanitizer + UBSan
#   make bench      benchmarks under bench/ (see bench/README.md)
#   make install    PREFIX=/usr/local
PREFIX ?= /usr/local
DESTDIR ?=
CC ?= cc
PKGS := sqlite3 jansson libmicrohttpd libpq libsodium
# recursive (=): evaluated when a recipe runs, after scripts/install-deps
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
# libmicrohttpd is not linked: src/web/server.c loads it when serving
PKG_LIBS = $(shell pkg-config --libs sqlite3 jansson libsodium)
WARN := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wvla
DEFS := -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -Isrc
REL_FLAGS := -O2 -g -DNDEBUG
ASAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
LDLIBS_EXTRA := -lpthread -lm -ldl

SRC := $(sort $(wildcard src/*/*.c))
MAIN := src/cli/main.c
LIB_SRC := $(filter-out $(MAIN),$(SRC))
REL_OBJ := $(LIB_SRC:src/%.c=build/release/%.o)
ASAN_OBJ := $(LIB_SRC:src/%.c=build/asan/%.o)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_REL := $(UNIT_SRC:tests/unit/%.c=build/release/tests/%)
UNIT_ASAN := $(UNIT_SRC:tests/unit/%.c=build/asan/tests/%)
DEPS_STAMP := build/.deps-ok

.PHONY: all asan run check check-only unit install uninstall clean bench deps \
	lint format fuzz
all: tandem

deps: $(DEPS_STAMP)
$(DEPS_STAMP): scripts/install-deps
	@scripts/install-deps build test
	@mkdir -p build && touch $@

# quiet by default; make V=1 shows the commands
Q := $(if $(V),,@)

build/release/%.o: src/%.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	@$(if $(V),,echo "  CC      $@")
	$(Q)$(CC) $(WARN) $(DEFS) $(REL_FLAGS) $(PKG_CFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@
build/asan/%.o: src/%.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	@$(if $(V),,echo "  CC      $@")
	$(Q)$(CC) $(WARN) $(DEFS) $(ASAN_FLAGS) $(PKG_CFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@

build/release/tandem: $(REL_OBJ) build/release/cli/main.o
	@$(if $(V),,echo "  LD      $@")
	$(Q)$(CC) $(REL_FLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) $(LDLIBS_EXTRA)
# rename, not overwrite: a running ./tandem keeps its old file
tandem: build/release/tandem
	@cp $< $@.tmp && mv -f $@.tmp $@
asan: build/asan/tandem
build/asan/tandem: $(ASAN_OBJ) build/asan/cli/main.o
	@$(if $(V),,echo "  LD      $@")
	$(Q)$(CC) $(ASAN_FLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) $(LDLIBS_EXTRA)

build/release/tests/%: tests/unit/%.c tests/unit/testutil.h $(REL_OBJ) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	@$(if $(V),,echo "  TEST    $@")
	$(Q)$(CC) $(WARN) $(DEFS) $(REL_FLAGS) -UNDEBUG $(PKG_CFLAGS) $(CFLAGS) -o $@ $< \
		$(REL_OBJ) $(PKG_LIBS) $$(pkg-config --libs cmocka) $(LDLIBS_EXTRA)
build/asan/tests/%: tests/unit/%.c tests/unit/testutil.h $(ASAN_OBJ) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	@$(if $(V),,echo "  TEST    $@")
	$(Q)$(CC) $(WARN) $(DEFS) $(ASAN_FLAGS) $(PKG_CFLAGS) $(CFLAGS) -o $@ $< \
		$(ASAN_OBJ) $(PKG_LIBS) $$(pkg-config --libs cmocka) $(LDLIBS_EXTRA)
unit: $(UNIT_REL) $(UNIT_ASAN)

# Fuzz targets: make check replays their inputs (tests/fuzz/<name>/) in
# the sanitizer build; `make fuzz T=json SECONDS=60` fuzzes one with
# clang's libFuzzer (scripts/install-deps fuzz).
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_REPLAY := $(FUZZ_SRC:tests/fuzz/%.c=build/asan/fuzz/%)
build/asan/fuzz/%: tests/fuzz/%.c tests/fuzz/replay.c $(ASAN_OBJ) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	@$(if $(V),,echo "  FUZZ    $@")
	$(Q)$(CC) $(WARN) $(DEFS) $(ASAN_FLAGS) $(PKG_CFLAGS) $(CFLAGS) -o $@ $< tests/fuzz/replay.c \
		$(ASAN_OBJ) $(PKG_LIBS) $(LDLIBS_EXTRA)
FUZZ_FLAGS := -O1 -g -fsanitize=fuzzer-no-link,address,undefined
FUZZ_OBJ := $(LIB_SRC:src/%.c=build/fuzz/%.o)
build/fuzz/%.o: src/%.c
	@mkdir -p $(@D)
	$(Q)clang $(WARN) $(DEFS) $(FUZZ_FLAGS) $(PKG_CFLAGS) -c $< -o $@
build/fuzz/bin/%: tests/fuzz/%.c $(FUZZ_OBJ)
	@mkdir -p $(@D)
	$(Q)clang $(WARN) $(DEFS) -O1 -g -fsanitize=fuzzer,address,undefined $(PKG_CFLAGS) \
		-o $@ $< $(FUZZ_OBJ) $(PKG_LIBS) $(LDLIBS_EXTRA)
T ?= json
SECONDS ?= 60
fuzz: | $(DEPS_STAMP)
	@scripts/install-deps fuzz
	@$(MAKE) --no-print-directory build/fuzz/bin/fuzz_$(T)
	@mkdir -p build/fuzz/corpus/$(T)
	build/fuzz/bin/fuzz_$(T) -max_total_time=$(SECONDS) -artifact_prefix=build/fuzz/ \
		build/fuzz/corpus/$(T) tests/fuzz/$(T)

bench/bare-server: bench/bare-server.c | $(DEPS_STAMP)
	$(CC) $(WARN) $(DEFS) -O2 -o $@ $< $$(pkg-config --cflags --libs libmicrohttpd)

run: tandem
	@scripts/run-demo

check: $(DEPS_STAMP)
	@$(MAKE) --no-print-directory -j2 tandem build/asan/tandem $(UNIT_REL) $(UNIT_ASAN) \
		$(FUZZ_REPLAY)
	@tests/run-all

check-only:
	@tests/run-all

bench: tandem bench/bare-server
	@scripts/install-deps bench
	@bench/run

install: tandem
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 tandem $(DESTDIR)$(PREFIX)/bin/tandem
	install -m 644 docs/tandem.1 $(DESTDIR)$(PREFIX)/share/man/man1/tandem.1
uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/tandem $(DESTDIR)$(PREFIX)/share/man/man1/tandem.1

lint:
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability \
		--inline-suppr -Isrc src
format:
	clang-format -i $(SRC) $(wildcard src/*/*.h) $(UNIT_SRC)

clean:
	rm -rf build tandem bench/bare-server

-include $(REL_OBJ:.o=.d) $(ASAN_OBJ:.o=.d) build/release/cli/main.d build/asan/cli/main.d
