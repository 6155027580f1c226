# tests/lib.sh: the shell test harness for CLI and API tests.
#
# A test file sources this, runs commands with `run`, asserts with the
# expect_* functions, and ends with `finish`. Every file gets its own
# temporary folder ($TMP, removed at exit) and runs the binary named by
# $TANDEM (default ./tandem; tests/run-all also passes the sanitizer
# build). Servers are started with start_server and stopped by their pid.
#
# The database: SQLite by default ($DB is sqlite:$TMP/t.db). With
# TANDEM_TEST_PG_HOST set (tests/pg-cluster start prints it, and
# TANDEM_TEST_PG_PORT, TANDEM_TEST_PG_USER), every file gets a freshly
# created PostgreSQL database instead, dropped at exit. Tests reach the
# database only through the helpers below, so that one file runs on both:
#   newdb NAME          a URL for another new, empty database
#   sql QUERY           one query on $DB with an independent reader
#   sqlat URL QUERY     the same on another database: sqlite3 or psql,
#                       printing alike (columns joined with |, NULL empty;
#                       mind that psql prints booleans as t/f: CAST them)
#   join_lines SEP      joins its input lines with SEP (instead of
#                       group_concat, which PostgreSQL lacks)
#   dbsum [URL [TABLE...]]  a digest of the content, for "nothing written"
#   on_pg, on_sqlite    which database this run is on
#   sqlite_only REASON  true on SQLite; on PostgreSQL says SKIP and why
set -u
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TANDEM=${TANDEM:-$ROOT/tandem}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/tandem-test.XXXXXX")
PASSED=0
FAILED=0
SKIPPED=0
SERVER_PID=
CURRENT=${BASH_SOURCE[1]##*/}
CURRENT_PATH=${BASH_SOURCE[1]#"$ROOT"/}
export NO_COLOR=1

if [ -n "${TANDEM_TEST_PG_HOST:-}" ]; then
	DB_KIND=postgresql
	PG_HOST=$TANDEM_TEST_PG_HOST
	PG_PORT=${TANDEM_TEST_PG_PORT:-5432}
	PG_USER=${TANDEM_TEST_PG_USER:-postgres}
	# psql from the newest server version installed, else the one on PATH
	PSQL=
	for _d in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -rV); do
		[ -x "$_d/psql" ] && { PSQL=$_d/psql; break; }
	done
	[ -n "$PSQL" ] || PSQL=$(command -v psql || true)
	if [ -z "$PSQL" ]; then
		echo "$CURRENT_PATH: psql is not installed; run scripts/install-deps test" >&2
		rm -rf "$TMP"
		exit 1
	fi
else
	DB_KIND=sqlite
fi

on_pg() {
	[ "$DB_KIND" = postgresql ]
}
on_sqlite() {
	[ "$DB_KIND" = sqlite ]
}

# pg_url NAME: the URL of database NAME on the test server.
pg_url() {
	local host=$PG_HOST enc='' c i
	# percent-encode the socket folder for the query string
	for ((i = 0; i < ${#host}; i++)); do
		c=${host:i:1}
		case $c in
		[A-Za-z0-9/._~-]) enc+=$c ;;
		*) enc+=$(printf '%%%02X' "'$c") ;;
		esac
	done
	printf 'postgres://%s@/%s?host=%s&port=%s\n' "$PG_USER" "$1" "$enc" "$PG_PORT"
}

# psql_at URL ARGS...: psql in unaligned, tuples-only mode, as sqlite3
# prints by default: columns joined with |, NULL as nothing, no command
# tags; stops at the first error, with a non-zero exit.
psql_at() {
	local url=$1
	shift
	"$PSQL" -X -q -A -t -F '|' -v ON_ERROR_STOP=1 -d "$url" "$@"
}

# pg_admin ARGS...: psql_at on the server's maintenance database.
pg_admin() {
	psql_at "$(pg_url postgres)" "$@"
}

# newdb NAME: prints the URL of a new, empty database: $TMP/NAME.db on
# SQLite (created when first opened); on PostgreSQL a database created
# now with a unique name, dropped at exit.
newdb() {
	if on_sqlite; then
		printf 'sqlite:%s/%s.db\n' "$TMP" "$1"
		return 0
	fi
	local base name
	base=$(printf '%s' "$1" | tr '[:upper:]' '[:lower:]' | tr -c 'a-z0-9_' _)
	for _ in 1 2 3; do	# a name left by a killed run is taken: another
		name=t_$$_${SRANDOM:-$RANDOM$RANDOM}_$base
		name=${name:0:63}
		if pg_admin -c "CREATE DATABASE \"$name\"" 2>"$TMP/newdb.err"; then
			echo "$name" >>"$TMP/pg-databases"
			pg_url "$name"
			return 0
		fi
	done
	echo "$CURRENT_PATH: cannot create a PostgreSQL test database: $(cat "$TMP/newdb.err")" >&2
	return 1
}

# drop_pg_databases: drops every database newdb created, connections and all.
drop_pg_databases() {
	[ -s "$TMP/pg-databases" ] || return 0
	local args=() name
	while read -r name; do
		args+=(-c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)")
	done <"$TMP/pg-databases"
	pg_admin "${args[@]}" || echo "$CURRENT_PATH: could not drop the test databases" >&2
}

cleanup() {
	[ -n "$SERVER_PID" ] && stop_server
	on_pg && drop_pg_databases
	rm -rf "$TMP"
}
trap cleanup EXIT

if on_pg; then
	DB=$(newdb t) || exit 1
else
	DB="sqlite:$TMP/t.db"
fi
export TANDEM_DB=$DB

# run CMD ARGS...: runs a command; $OUT, $ERR (file contents) and $RC.
run() {
	"$@" >"$TMP/out" 2>"$TMP/err"
	RC=$?
	OUT=$(cat "$TMP/out")
	ERR=$(cat "$TMP/err")
}

# t ARGS...: runs tandem against the test database.
t() {
	run "$TANDEM" --db "$DB" "$@"
}

pass() {
	PASSED=$((PASSED + 1))
}

fail() {
	FAILED=$((FAILED + 1))
	printf 'FAIL %s: %s\n' "$CURRENT" "$1" >&2
	[ -n "${2:-}" ] && printf '     %s\n' "$2" >&2
	return 0
}

# expect_eq NAME EXPECTED ACTUAL
expect_eq() {
	if [ "$2" == "$3" ]; then pass; else fail "$1" "expected [$2], got [$3]"; fi
}

# expect_rc NAME CODE: the exit code of the last run
expect_rc() {
	if [ "$RC" == "$2" ]; then pass; else fail "$1" "exit code $RC, expected $2; stderr: $ERR"; fi
}

# expect_contains NAME HAYSTACK NEEDLE
expect_contains() {
	case "$2" in
	*"$3"*) pass ;;
	*) fail "$1" "[$3] not in [$2]" ;;
	esac
}

# expect_not_contains NAME HAYSTACK NEEDLE
expect_not_contains() {
	case "$2" in
	*"$3"*) fail "$1" "[$3] unexpectedly in [$2]" ;;
	*) pass ;;
	esac
}

# sql QUERY: answers from the test database with an independent reader
# (the sqlite3 CLI, or psql), so tests do not trust tandem to report its
# own writes.
sql() {
	sqlat "$DB" "$1"
}

# sqlat URL QUERY: one query on the database at URL (sqlite: or
# postgres(ql)://), printed as sqlite3 prints it by default.
sqlat() {
	case $1 in
	sqlite:*) sqlite3 "${1#sqlite:}" "$2" ;;
	postgres://* | postgresql://*) psql_at "$1" -c "$2" ;;
	*)
		echo "sqlat: not a test database URL: $1" >&2
		return 1
		;;
	esac
}

# join_lines SEP: its input's lines joined with SEP, on one line.
join_lines() {
	awk -v sep="$1" 'NR > 1 { printf "%s", sep } { printf "%s", $0 } END { print "" }'
}

# sqlite_file URL: the file of a sqlite: URL (fails for any other).
sqlite_file() {
	case $1 in
	sqlite:*) printf '%s\n' "${1#sqlite:}" ;;
	*) return 1 ;;
	esac
}

# dbsum [URL [TABLE...]]: a digest of the database at URL (default $DB),
# or of just those tables, for "nothing was written" checks. SQLite: the
# sqlite3 .dump, schema and rows. PostgreSQL: the definition of every
# table in the public schema (columns, indexes, constraints) and all of
# its rows in a fixed order; not sequence values, which PostgreSQL uses up
# even in transactions that roll back.
dbsum() {
	local url=${1:-$DB}
	[ $# -gt 0 ] && shift
	case $url in
	sqlite:*)
		local dots=()
		local t
		if [ $# = 0 ]; then dots=(.dump); else for t; do dots+=(".dump $t"); done; fi
		sqlite3 "${url#sqlite:}" "${dots[@]}" | sha256sum | cut -d' ' -f1
		;;
	*)
		local only="TRUE" t
		if [ $# -gt 0 ]; then
			only="table_name IN ("
			for t; do only+="'$t',"; done
			only="${only%,})"
		fi
		psql_at "$url" -f - <<-EOF | sha256sum | cut -d' ' -f1
			SELECT table_name, column_name, data_type, is_nullable, column_default,
			       is_identity, identity_generation
			  FROM information_schema.columns
			 WHERE table_schema = 'public' AND $only
			 ORDER BY table_name, ordinal_position;
			SELECT tablename, indexname, indexdef FROM pg_indexes
			 WHERE schemaname = 'public' AND ${only//table_name/tablename} ORDER BY 1, 2;
			SELECT c.relname, k.conname, pg_get_constraintdef(k.oid)
			  FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
			 WHERE k.connamespace = 'public'::regnamespace AND ${only//table_name/c.relname}
			 ORDER BY 1, 2;
			SELECT format('SELECT %L', 'rows of ' || c.table_name),
			       format('COPY (SELECT * FROM %I ORDER BY %s) TO STDOUT', c.table_name,
			              string_agg(quote_ident(c.column_name), ', ' ORDER BY c.ordinal_position))
			  FROM information_schema.columns c
			  JOIN information_schema.tables t USING (table_catalog, table_schema, table_name)
			 WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
			       AND ${only//table_name/c.table_name}
			 GROUP BY c.table_name ORDER BY c.table_name \gexec
		EOF
		;;
	esac
}

# tables URL: the names of the tables in the database, sorted, joined by ",".
tables() {
	case $1 in
	sqlite:*) sqlat "$1" "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name" ;;
	*) sqlat "$1" "SELECT table_name FROM information_schema.tables
	               WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1" ;;
	esac | join_lines ,
}

# fk_violations [URL]: one line per row whose foreign key points at no
# row; nothing when they all hold. SQLite: PRAGMA foreign_key_check.
# PostgreSQL: every foreign key constraint of the public schema, checked
# with a NOT EXISTS query of its own (printing table|constraint).
fk_violations() {
	local url=${1:-$DB}
	case $url in
	sqlite:*) sqlat "$url" 'PRAGMA foreign_key_check' ;;
	*)
		psql_at "$url" -f - <<-'EOF'
			SELECT format('SELECT %L FROM %I c WHERE %s AND NOT EXISTS (SELECT 1 FROM %I p WHERE %s)',
			              cl.relname || '|' || k.conname, cl.relname,
			              (SELECT string_agg(format('c.%I IS NOT NULL', a.attname), ' AND ')
			                 FROM unnest(k.conkey) u(n)
			                 JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n),
			              pcl.relname,
			              (SELECT string_agg(format('p.%I = c.%I', pa.attname, ca.attname), ' AND ')
			                 FROM unnest(k.conkey, k.confkey) u(c, p)
			                 JOIN pg_attribute ca ON ca.attrelid = k.conrelid AND ca.attnum = u.c
			                 JOIN pg_attribute pa ON pa.attrelid = k.confrelid AND pa.attnum = u.p))
			  FROM pg_constraint k
			  JOIN pg_class cl ON cl.oid = k.conrelid
			  JOIN pg_class pcl ON pcl.oid = k.confrelid
			 WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace
			 ORDER BY cl.relname, k.conname \gexec
		EOF
		;;
	esac
}

# integrity [URL]: "ok" when the database's storage is sound. SQLite:
# PRAGMA integrity_check. PostgreSQL: amcheck (in a transaction that is
# rolled back, so the database is left as it was) verifies every table's
# heap and every B-tree index of the public schema against its table.
integrity() {
	local url=${1:-$DB}
	case $url in
	sqlite:*) sqlat "$url" 'PRAGMA integrity_check' ;;
	*)
		psql_at "$url" -f - <<-'EOF' | grep -v '^$'
			BEGIN;
			CREATE EXTENSION amcheck;
			SELECT bt_index_check(c.oid, true)
			  FROM pg_class c JOIN pg_am am ON am.oid = c.relam
			 WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'i' AND am.amname = 'btree';
			SELECT CASE WHEN count(*) = 0 THEN 'ok'
			            ELSE string_agg(r.relname || ': ' || v.msg, E'\n') END
			  FROM (SELECT c.relname, c.oid FROM pg_class c
			         WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r') r,
			       LATERAL verify_heapam(r.oid) v;
			ROLLBACK;
		EOF
		;;
	esac
}

# has_table URL NAME: 1 if the database has table NAME, else 0.
has_table() {
	case $1 in
	sqlite:*) sqlat "$1" "SELECT count(*) FROM sqlite_master WHERE name = '$2'" ;;
	*) sqlat "$1" "SELECT count(*) FROM information_schema.tables
	               WHERE table_schema = 'public' AND table_name = '$2'" ;;
	esac
}

# sqlite_only REASON: for a block that only SQLite can run:
#   if sqlite_only "the file's bytes are SQLite's format"; then ...; fi
# On PostgreSQL it prints "SKIP FILE: REASON" to stderr and is false.
sqlite_only() {
	on_sqlite && return 0
	SKIPPED=$((SKIPPED + 1))
	printf 'SKIP %s: %s\n' "$CURRENT_PATH" "$1" >&2
	return 1
}

# admin_token: creates (once per database) an admin account of no person,
# "tests", and an API token for it; sets $TOKEN and makes every curl of
# the test send it (a .curlrc in $CURL_HOME): `curl -q` sends none.
admin_token() {
	[ -n "${TOKEN:-}" ] && [ "${TOKEN_DB:-}" = "$DB" ] && return 0
	local id
	id=$(sql "SELECT id FROM account WHERE login = 'tests'" 2>/dev/null)
	if [ -z "$id" ]; then
		"$TANDEM" --db "$DB" user add --login tests --role admin >/dev/null || return 1
		id=$(sql "SELECT id FROM account WHERE login = 'tests'")
	fi
	TOKEN=$("$TANDEM" --db "$DB" token add --user "$id" --name tests | tail -n 1)
	[ -n "$TOKEN" ] || { echo "could not create the tests' admin token" >&2; return 1; }
	TOKEN_DB=$DB
	export CURL_HOME=$TMP
	printf 'header = "Authorization: Bearer %s"\n' "$TOKEN" >"$TMP/.curlrc"
}

# start_server [ARGS...]: starts tandem serve on a free loopback port;
# sets $URL and $SERVER_PID. The API needs credentials: admin_token.
# The scheduled control check is off (--check-every 0), so that no
# problem appears in the middle of a test, unless ARGS set it.
start_server() {
	admin_token || return 1
	local every=(--check-every 0)
	case " $* " in *" --check-every "*) every=() ;; esac
	"$TANDEM" --db "$DB" serve --listen 127.0.0.1:0 "${every[@]}" "$@" >"$TMP/server.out" 2>"$TMP/server.err" &
	SERVER_PID=$!
	URL=
	for _ in $(seq 1 200); do
		URL=$(grep -o 'http://[0-9.:]*' "$TMP/server.out" 2>/dev/null | head -n 1)
		[ -n "$URL" ] && break
		if ! kill -0 "$SERVER_PID" 2>/dev/null; then
			echo "server did not start: $(cat "$TMP/server.err")" >&2
			SERVER_PID=
			return 1
		fi
		sleep 0.05
	done
	[ -n "$URL" ]
}

# stop_server: SIGTERM to our server only, then waits for it to exit.
stop_server() {
	kill -TERM "$SERVER_PID" 2>/dev/null
	wait "$SERVER_PID" 2>/dev/null
	SERVER_RC=$?
	SERVER_PID=
}

# api METHOD PATH [BODY]: one HTTP request; sets $STATUS, $BODY and $HEADERS.
api() {
	local args=(-s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X "$1")
	[ $# -ge 3 ] && args+=(-H 'Content-Type: application/json' --data-binary "$3")
	STATUS=$(curl "${args[@]}" "$URL$2")
	BODY=$(cat "$TMP/body")
	HEADERS=$(cat "$TMP/headers")
}

# jqb FILTER: applies a jq filter to $BODY (or to $OUT with jqo).
jqb() {
	printf '%s' "$BODY" | jq -r "$1"
}
jqo() {
	printf '%s' "$OUT" | jq -r "$1"
}

# --- the four roles, for the API's access walks --------------------------

# role_tokens NAME: an account and an API token (named NAME) for each role
# on the demo organization: admin (person 1, the managing director),
# manager (person 2, Operations), member (person 11, in Operations),
# viewer (person 7); TOK[role] holds each token, ROLES the four in order.
declare -A TOK
ROLES="admin manager member viewer"
role_tokens() {
	local spec role person id
	for spec in admin:1 manager:2 member:11 viewer:7; do
		role=${spec%%:*}
		person=${spec#*:}
		run "$TANDEM" user add --person "$person" --role "$role"
		expect_rc "account for $role" 0
		id=$(sql "SELECT id FROM account WHERE person_id = $person")
		TOK[$role]=$("$TANDEM" --db "$DB" token add --user "$id" --name "$1" | tail -n 1)
	done
}

# as ROLE METHOD PATH [BODY]: one JSON request with ROLE's token; sets
# $STATUS, $BODY and $HEADERS
as() {
	local role=$1 method=$2 path=$3
	local args=(-q -s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X "$method" -H "Authorization: Bearer ${TOK[$role]}")
	[ $# -ge 4 ] && args+=(-H 'Content-Type: application/json' --data-binary "$4")
	STATUS=$(curl "${args[@]}" "$URL$path")
	BODY=$(cat "$TMP/body")
	HEADERS=$(cat "$TMP/headers")
}

# form ROLE PATH DATA: a form POST with ROLE's token (a bearer request
# needs no CSRF token)
form() {
	STATUS=$(curl -q -s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X POST \
		-H "Authorization: Bearer ${TOK[$1]}" --data "$3" "$URL$2")
	BODY=$(cat "$TMP/body")
	HEADERS=$(cat "$TMP/headers")
}

# walk METHOD PATH BODY ADMIN MANAGER MEMBER VIEWER: the status each role
# gets for one request ("" for no body)
walk() {
	local method=$1 path=$2 body=$3
	shift 3
	local role want
	for role in $ROLES; do
		want=$1
		shift
		if [ -n "$body" ]; then as "$role" "$method" "$path" "$body"; else as "$role" "$method" "$path"; fi
		expect_eq "$role: $method $path" "$want" "$STATUS"
	done
}

finish() {
	local skipped=
	[ "$SKIPPED" -gt 0 ] && skipped=", $SKIPPED skipped"
	printf '%s: %d passed, %d failed%s\n' "$CURRENT" "$PASSED" "$FAILED" "$skipped"
	[ -n "${RESULTS:-}" ] && echo "$PASSED $FAILED" >>"$RESULTS"
	[ "$FAILED" -eq 0 ]
}
