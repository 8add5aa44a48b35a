/*
 * autotest-cc: the C compiler nginx's configure runs during the tests, memoizing its feature tests.
 *
 * nginx's configure compiles and links about a hundred small programs (objs/autotest.c, to see what
 * the system has) and the tests run configure well over a hundred times, always with the same
 * compiler, the same system and mostly the same programs: that is most of the test run. This wrapper
 * runs the real compiler for every command, except that a feature test it has already compiled, in
 * this run, from the same bytes with the same arguments and the same compiler environment, gets the
 * real compiler's earlier result again: the same program file, the same output, the same exit status.
 * Everything else configure and make run (the compiler's version, the module's own objects) goes to
 * the real compiler untouched.
 *
 * Only a command that reads nothing but the test's source, system headers and system libraries is
 * memoized: its arguments name objs/autotest and objs/autotest.c, no other path outside /usr, and
 * the source includes only <system> headers. Anything else runs the real compiler every time.
 * tests/Verification.Tests/AutotestCacheTests.cs proves that configure's objs/ files are the same
 * with the wrapper, cold or warm, as with the real compiler.
 *
 * Built by .ci/run with the real compiler's path baked in (-DREAL_CC="/usr/bin/cc"); it memoizes
 * into $CONFIGCONVERT_AUTOTEST_CACHE, a directory of one run (one subdirectory per result, a lock
 * file beside each, and a line in its file `hits` for each result given again), and without that
 * variable it only runs the real compiler.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef REAL_CC
#error "build with -DREAL_CC=\"/path/to/cc\""
#endif

#define MAX_SOURCE (64 * 1024)

/* Environment variables that change what the compiler, assembler or linker does. */
static const char *const compiler_environment[] = {
    "PATH", "GCC_EXEC_PREFIX", "COMPILER_PATH", "LIBRARY_PATH", "CPATH", "C_INCLUDE_PATH",
    "CPLUS_INCLUDE_PATH", "LD_LIBRARY_PATH", "LD_RUN_PATH", "SOURCE_DATE_EPOCH", "TMPDIR",
    "LANG", "LC_ALL", "LC_MESSAGES", "LC_CTYPE", "GCC_COLORS", "DEPENDENCIES_OUTPUT",
    "SUNPRO_DEPENDENCIES", NULL,
};

struct buffer {
    char *bytes;
    size_t length;
    size_t capacity;
};

static void append(struct buffer *b, const void *bytes, size_t length)
{
    if (b->length + length > b->capacity) {
        size_t capacity = (b->capacity ? b->capacity * 2 : 4096);
        while (capacity < b->length + length) {
            capacity *= 2;
        }
        char *grown = realloc(b->bytes, capacity);
        if (grown == NULL) {
            perror("autotest-cc");
            exit(127);
        }
        b->bytes = grown;
        b->capacity = capacity;
    }
    memcpy(b->bytes + b->length, bytes, length);
    b->length += length;
}

static void append_string(struct buffer *b, const char *text)
{
    append(b, text, strlen(text) + 1);
}

static int run_real(char **argv)
{
    argv[0] = REAL_CC;
    execv(REAL_CC, argv);
    perror("autotest-cc: " REAL_CC);
    return 127;
}

/* True when a path argument leaves the system directories, whose contents do not change in a run. */
static int outside_system(const char *argument)
{
    const char *path = argument;
    if (strncmp(path, "-I", 2) == 0 || strncmp(path, "-L", 2) == 0) {
        path += 2;
    }
    if (strchr(path, '/') == NULL) {
        return 0;
    }
    return strncmp(path, "/usr/", 5) != 0 || strstr(path, "/../") != NULL;
}

/* The output and the source when argv compiles a configure feature test that may be memoized, else NULL. */
static const char *feature_test_output(int argc, char **argv, const char **source)
{
    const char *output = NULL;
    for (int i = 1; i + 1 < argc; i++) {
        if (strcmp(argv[i], "-o") == 0) {
            output = argv[i + 1];
        }
    }
    if (output == NULL || strcmp(output, "objs/autotest") != 0) {
        return NULL;
    }
    *source = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "objs/autotest.c") == 0) {
            *source = argv[i];
        } else if (strcmp(argv[i], output) != 0 && outside_system(argv[i])) {
            return NULL;
        }
    }
    return *source == NULL ? NULL : output;
}

/* directory/name in into (main memoizes only under a cache path short enough for every name). */
static void join(char *into, size_t size, const char *directory, const char *name)
{
    int length = snprintf(into, size, "%s/%s", directory, name);
    if (length < 0 || (size_t) length >= size) {
        fprintf(stderr, "autotest-cc: path too long: %s/%s\n", directory, name);
        exit(127);
    }
}

static int read_file(const char *path, struct buffer *into, size_t limit)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return -1;
    }
    char chunk[8192];
    ssize_t n;
    while ((n = read(fd, chunk, sizeof chunk)) > 0) {
        if (into->length + (size_t) n > limit) {
            close(fd);
            return -1;
        }
        append(into, chunk, (size_t) n);
    }
    close(fd);
    return n < 0 ? -1 : 0;
}

static int write_all(int fd, const char *bytes, size_t length)
{
    while (length > 0) {
        ssize_t n = write(fd, bytes, length);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return -1;
        }
        bytes += n;
        length -= (size_t) n;
    }
    return 0;
}

static int write_file(const char *path, const char *bytes, size_t length, mode_t mode)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0) {
        return -1;
    }
    int result = write_all(fd, bytes, length);
    return close(fd) < 0 ? -1 : result;
}

static int copy_file(const char *from, const char *to, mode_t mode)
{
    struct buffer bytes = {0};
    int result = read_file(from, &bytes, SIZE_MAX) == 0 ? write_file(to, bytes.bytes, bytes.length, mode) : -1;
    free(bytes.bytes);
    return result;
}

/* Everything the command's result depends on: the arguments, the source's bytes, the compiler's environment. */
static int key_of(int argc, char **argv, const char *source, struct buffer *key)
{
    append_string(key, "autotest-cc 1");
    append_string(key, REAL_CC);
    for (int i = 1; i < argc; i++) {
        append_string(key, argv[i]);
    }
    for (const char *const *name = compiler_environment; *name != NULL; name++) {
        const char *value = getenv(*name);
        append_string(key, *name);
        append_string(key, value == NULL ? "\x01unset" : value);
    }
    size_t before = key->length;
    if (read_file(source, key, key->length + MAX_SOURCE) != 0) {
        return -1;
    }
    /* A quoted #include is looked up beside the source, in objs/, whose files configure is writing. */
    return memmem(key->bytes + before, key->length - before, "#include \"", 10) == NULL ? 0 : -1;
}

static uint64_t fnv1a(const struct buffer *key)
{
    uint64_t hash = 14695981039346656037ULL;
    for (size_t i = 0; i < key->length; i++) {
        hash = (hash ^ (unsigned char) key->bytes[i]) * 1099511628211ULL;
    }
    return hash;
}

static int replay_stream(const char *entry, const char *name, int fd)
{
    char path[4096];
    struct buffer bytes = {0};
    join(path, sizeof path, entry, name);
    int result = read_file(path, &bytes, SIZE_MAX) == 0 ? write_all(fd, bytes.bytes, bytes.length) : -1;
    free(bytes.bytes);
    return result;
}

/* Gives the memoized result of entry if it was made from exactly this key: its exit status, else -1. */
static int replay(const char *entry, const struct buffer *key, const char *output)
{
    char path[4096];
    struct buffer kept = {0}, status = {0};
    join(path, sizeof path, entry, "key");
    int same = read_file(path, &kept, key->length) == 0 && kept.length == key->length && memcmp(kept.bytes, key->bytes, key->length) == 0;
    free(kept.bytes);
    join(path, sizeof path, entry, "status");
    if (!same || read_file(path, &status, 16) != 0 || status.length == 0) {
        free(status.bytes);
        return -1;
    }
    append(&status, "", 1);
    int exit_status = atoi(status.bytes);
    free(status.bytes);
    unlink(output);
    join(path, sizeof path, entry, "program");
    if (access(path, F_OK) == 0 && copy_file(path, output, 0755) != 0) {
        return -1;
    }
    /* Past this point the result is given: output that cannot be written is lost, as the compiler's would be. */
    int written = replay_stream(entry, "stdout", STDOUT_FILENO) == 0;
    written = replay_stream(entry, "stderr", STDERR_FILENO) == 0 && written;
    return written ? exit_status : 1;
}

/* Runs the real compiler with its output and errors kept in directory, and returns its exit status (-1 if it did not exit). */
static int compile_into(char **argv, const char *directory)
{
    char out[4096], err[4096];
    join(out, sizeof out, directory, "stdout");
    join(err, sizeof err, directory, "stderr");
    pid_t child = fork();
    if (child == 0) {
        int o = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644), e = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (o < 0 || e < 0 || dup2(o, STDOUT_FILENO) < 0 || dup2(e, STDERR_FILENO) < 0) {
            _exit(127);
        }
        _exit(run_real(argv));
    }
    int wstatus;
    while (child > 0 && waitpid(child, &wstatus, 0) < 0) {
        if (errno != EINTR) {
            return -1;
        }
    }
    return child > 0 && WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1;
}

/* An entry holds these files and nothing else. */
static const char *const entry_files[] = {"key", "status", "program", "stdout", "stderr", NULL};

static void remove_entry(const char *directory)
{
    char path[4096];
    for (const char *const *name = entry_files; *name != NULL; name++) {
        join(path, sizeof path, directory, *name);
        unlink(path);
    }
    if (rmdir(directory) != 0) {
        fprintf(stderr, "autotest-cc: could not remove %s\n", directory);
    }
}

/* Compiles, gives the result as the real compiler did, and keeps it under entry for the next identical command. */
static int compile_and_keep(char **argv, const char *cache, const char *entry, const struct buffer *key, const char *output)
{
    char work[4096], path[4096], text[32];
    snprintf(work, sizeof work, "%s/.new-%ld", cache, (long) getpid());
    if (mkdir(work, 0755) != 0) {
        return run_real(argv);
    }
    int status = compile_into(argv, work);
    /* The compiler's output is given whatever became of it, as the compiler itself would have written it. */
    int kept = replay_stream(work, "stdout", STDOUT_FILENO) == 0;
    kept = replay_stream(work, "stderr", STDERR_FILENO) == 0 && kept && status >= 0;
    join(path, sizeof path, work, "key");
    kept = kept && write_file(path, key->bytes, key->length, 0644) == 0;
    join(path, sizeof path, work, "program");
    kept = kept && (access(output, F_OK) != 0 || copy_file(output, path, 0755) == 0);
    join(path, sizeof path, work, "status");
    snprintf(text, sizeof text, "%d", status);
    kept = kept && write_file(path, text, strlen(text), 0644) == 0;
    /* A concurrent run may have kept the same command first: its entry stands, this one is dropped. */
    if (!kept || rename(work, entry) != 0) {
        remove_entry(work);
    }
    if (status < 0) {
        fprintf(stderr, "autotest-cc: the compiler did not exit normally\n");
        return 1;
    }
    return status;
}

/* An exclusive lock on entry's lock file, held until the descriptor is closed (or the wrapper execs the compiler); -1 if none could be had. */
static int hold_lock(const char *entry)
{
    char path[4200];
    snprintf(path, sizeof path, "%s.lock", entry);
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    while (fd >= 0 && flock(fd, LOCK_EX) != 0) {
        if (errno != EINTR) {
            close(fd);
            return -1;
        }
    }
    return fd;
}

/* One line per memoized result given, in cache/hits: how much of a run was memoized, and a test's proof that it was. */
static void note_hit(const char *cache, const char *entry)
{
    char path[4096], line[64];
    join(path, sizeof path, cache, "hits");
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd >= 0) {
        int length = snprintf(line, sizeof line, "%s\n", strrchr(entry, '/') + 1);
        if (write_all(fd, line, (size_t) length) != 0) {
            fprintf(stderr, "autotest-cc: could not write %s\n", path);
        }
        close(fd);
    }
}

int main(int argc, char **argv)
{
    const char *cache = getenv("CONFIGCONVERT_AUTOTEST_CACHE");
    const char *source = NULL;
    int usable = cache != NULL && *cache == '/' && strlen(cache) < 2048;
    const char *output = usable ? feature_test_output(argc, argv, &source) : NULL;
    struct buffer key = {0};
    if (output == NULL || key_of(argc, argv, source, &key) != 0) {
        return run_real(argv);
    }
    char entry[4096];
    snprintf(entry, sizeof entry, "%s/%016llx", cache, (unsigned long long) fnv1a(&key));
    /* The same test run by configures at once (all cold at a run's start) is compiled by the first; the others wait and replay. */
    int lock = hold_lock(entry);
    int status = replay(entry, &key, output);
    if (status >= 0) {
        note_hit(cache, entry);
    } else if (access(entry, F_OK) == 0) {
        /* Kept from other bytes whose hash is the same: compile, and leave that entry as it is. */
        status = run_real(argv);
    } else {
        status = compile_and_keep(argv, cache, entry, &key, output);
    }
    if (lock >= 0) {
        close(lock);
    }
    return status;
}
