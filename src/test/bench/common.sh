# Shared by the benchmark scripts (sourced from the repository's root): what they need installed, and what "truly
# uncached" means, so that run.sh (UNCACHED=1) and afresh.sh measure the same configuration.

# Installs wrk from Debian when it is missing and this is root; otherwise says what is needed and fails.
need_wrk() {
    command -v wrk >/dev/null && return
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
        apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
    else
        echo "wrk is needed: apt-get install -y wrk" >&2
        return 1
    fi
}

# Sets UNCACHED_OPTS to the JVM options of a service whose every read is computed afresh: the read cache off
# (tandem.read-cache.max-items=0, and max-response-bytes=0, without which kept responses stay on) and, on the H2
# database in data directory $1, OPTIMIZE_REUSE_RESULTS=FALSE (else H2 answers a repeated query from its last result
# while the tables are unchanged). With no $1 (PostgreSQL) only the cache options.
uncached_options() {
    UNCACHED_OPTS=(-Dtandem.read-cache.max-items=0 -Dtandem.read-cache.max-response-bytes=0)
    if [[ -n "${1:-}" ]]; then
        local h2_url
        h2_url=$(sed -n 's/^tandem\.jdbc-url\.h2=//p' src/main/resources/application.properties)
        UNCACHED_OPTS+=("-Dquarkus.datasource.jdbc.url=${h2_url//\$\{tandem.data-dir\}/$1};OPTIMIZE_REUSE_RESULTS=FALSE")
    fi
}
