/* What the path writers (egdi_dataset_write_csv / _json) replace and what they
 * refuse (egdi/output.h), egdi_output_check(), and the JSON writer's UTF-8 check.
 * Every test works in its own mkdtemp directory under /tmp and compares the
 * directory's listing before and after, so a leftover temporary file
 * ("<target>.tmp.<hex>") or a file created where none should be fails it. */
#include <dirent.h>
#include <errno.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "test_util.h"

/* What the tiny dataset below writes, with the default options. */
#define CSV_TEXT "code,name,x\nA,Alpha,1\nB,Beta,2.5\n"
#define JSON_TEXT                                                              \
    "[\n {\"code\": \"A\", \"name\": \"Alpha\", \"x\": 1},\n {\"code\": \"B\", " \
    "\"name\": \"Beta\", \"x\": 2.5}\n]\n"
#define OLD_TEXT "old content\n"

static egdi_dataset *tiny(void)
{
    egdi_dataset *ds;
    OK(egdi_dataset_new(&ds));
    OK(egdi_dataset_add_unit(ds, "A", "Alpha", NULL));
    OK(egdi_dataset_add_unit(ds, "B", "Beta", NULL));
    OK(egdi_dataset_add_numeric(ds, "x", (double[]){1, 2.5}, 2));
    return ds;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The sorted names in dir, separated by '/', into out. */
static void listing(const char *dir, char *out, size_t size)
{
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    char *names[64];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        ck_assert_uint_lt(n, 64);
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, by_name);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        strncat(out, names[i], size - strlen(out) - 1);
        strncat(out, "/", size - strlen(out) - 1);
        free(names[i]);
    }
}

static void put_file(const char *path, const char *text)
{
    FILE *fp = fopen(path, "wb");
    ck_assert_ptr_nonnull(fp);
    fputs(text, fp);
    ck_assert_int_eq(fclose(fp), 0);
}

static char *slurp(const char *path)
{
    static char buf[4096];
    FILE *fp = fopen(path, "rb");
    ck_assert_msg(fp != NULL, "cannot open %s", path);
    size_t n = fread(buf, 1, sizeof buf - 1, fp);
    buf[n] = '\0';
    fclose(fp);
    return buf;
}

static unsigned mode_of(const char *path)
{
    struct stat sb;
    ck_assert_int_eq(stat(path, &sb), 0);
    return (unsigned)(sb.st_mode & 07777);
}

typedef egdi_status (*writer)(const egdi_dataset *, const char *, const egdi_csv_options *);
static const writer writers[2] = {egdi_dataset_write_csv, egdi_dataset_write_json};
static const char *const texts[2] = {CSV_TEXT, JSON_TEXT};

/* ---- accepted targets ---- */

START_TEST(new_path_gets_mode_0666_minus_umask)
{
    egdi_dataset *ds = tiny();
    char dir[64], path[128], list[512];
    make_dir(dir, sizeof dir, "outfile");
    /* two umasks, so that a fixed mode (e.g. 0644 always) cannot pass:
     * 0666 & ~022 = 0644, 0666 & ~077 = 0600 */
    static const struct {
        mode_t mask;
        unsigned mode;
    } cases[] = {{022, 0644}, {077, 0600}};
    mode_t saved = umask(022);
    for (size_t w = 0; w < 2; w++)
        for (size_t k = 0; k < 2; k++) {
            umask(cases[k].mask);
            snprintf(path, sizeof path, "%s/new%zu%zu.out", dir, w, k);
            OK(writers[w](ds, path, NULL));
            ck_assert_str_eq(slurp(path), texts[w]);
            ck_assert_msg(mode_of(path) == cases[k].mode, "%s: mode %o, expected %o", path,
                          mode_of(path), cases[k].mode);
        }
    umask(saved);
    /* exactly the four files, no temporary left */
    listing(dir, list, sizeof list);
    ck_assert_str_eq(list, "new00.out/new01.out/new10.out/new11.out/");
    rm_tree(dir);
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(existing_file_keeps_its_mode)
{
    egdi_dataset *ds = tiny();
    char dir[64], path[128], list[512];
    make_dir(dir, sizeof dir, "outfile");
    /* umask 022 would give a new file 0644; the replaced file must stay 0640 */
    mode_t saved = umask(022);
    snprintf(path, sizeof path, "%s/out.txt", dir);
    for (size_t w = 0; w < 2; w++) {
        put_file(path, OLD_TEXT);
        ck_assert_int_eq(chmod(path, 0640), 0);
        OK(writers[w](ds, path, NULL));
        ck_assert_str_eq(slurp(path), texts[w]);
        ck_assert_msg(mode_of(path) == 0640, "mode %o, expected 0640", mode_of(path));
        listing(dir, list, sizeof list);
        ck_assert_str_eq(list, "out.txt/");
    }
    umask(saved);
    rm_tree(dir);
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(symlink_is_written_through)
{
    egdi_dataset *ds = tiny();
    char dir[64], link_path[128], target[128], text[128], list[512];
    make_dir(dir, sizeof dir, "outfile");
    snprintf(target, sizeof target, "%s/target.csv", dir);
    snprintf(link_path, sizeof link_path, "%s/link.csv", dir);
    ck_assert_int_eq(symlink("target.csv", link_path), 0); /* a relative link */
    for (size_t w = 0; w < 2; w++) {
        put_file(target, OLD_TEXT);
        OK(writers[w](ds, link_path, NULL));
        /* the link is still a link with the same text; the file it names changed */
        struct stat sb;
        ck_assert_int_eq(lstat(link_path, &sb), 0);
        ck_assert(S_ISLNK(sb.st_mode));
        ssize_t n = readlink(link_path, text, sizeof text - 1);
        ck_assert_int_eq(n, 10);
        text[n] = '\0';
        ck_assert_str_eq(text, "target.csv");
        ck_assert_str_eq(slurp(target), texts[w]);
        listing(dir, list, sizeof list);
        ck_assert_str_eq(list, "link.csv/target.csv/");
    }
    rm_tree(dir);
    egdi_dataset_free(ds);
}
END_TEST

/* ---- refused targets ---- */

/* Both writers refuse path with EGDI_ERR_IO and a message "<path>: <why>";
 * the directory dir lists the same before and after. */
static void refused(const egdi_dataset *ds, const char *dir, const char *path, const char *why)
{
    char before[512], after[512], want[512];
    listing(dir, before, sizeof before);
    snprintf(want, sizeof want, "%s: %s", path, why);
    for (size_t w = 0; w < 2; w++) {
        FAILS(writers[w](ds, path, NULL), EGDI_ERR_IO, want);
        listing(dir, after, sizeof after);
        ck_assert_str_eq(after, before);
    }
}

START_TEST(fifo_is_refused)
{
    egdi_dataset *ds = tiny();
    char dir[64], path[128];
    make_dir(dir, sizeof dir, "outfile");
    snprintf(path, sizeof path, "%s/pipe", dir);
    ck_assert_int_eq(mkfifo(path, 0600), 0);
    /* opening a FIFO for writing would block with no reader: should the writer
     * ever do that, the alarm ends the test (as a failure) instead of hanging */
    alarm(60);
    refused(ds, dir, path, "is a FIFO (named pipe); only a regular file");
    alarm(0);
    struct stat sb;
    ck_assert_int_eq(lstat(path, &sb), 0);
    ck_assert(S_ISFIFO(sb.st_mode)); /* not replaced by a regular file */
    rm_tree(dir);
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(directory_and_links_to_nothing_are_refused)
{
    egdi_dataset *ds = tiny();
    char dir[64], path[128], sub[128];
    make_dir(dir, sizeof dir, "outfile");
    /* a directory */
    snprintf(sub, sizeof sub, "%s/sub", dir);
    ck_assert_int_eq(mkdir(sub, 0700), 0);
    refused(ds, dir, sub, "is a directory; only a regular file");
    char inner[512];
    listing(sub, inner, sizeof inner);
    ck_assert_str_eq(inner, ""); /* nothing was written into it either */
    /* a symbolic link to the directory */
    snprintf(path, sizeof path, "%s/to_dir", dir);
    ck_assert_int_eq(symlink("sub", path), 0);
    refused(ds, dir, path, "is a directory (through a symbolic link)");
    listing(sub, inner, sizeof inner);
    ck_assert_str_eq(inner, "");
    /* a dangling link: writing through it would create its target */
    snprintf(path, sizeof path, "%s/dangling", dir);
    ck_assert_int_eq(symlink("nowhere.csv", path), 0);
    refused(ds, dir, path, "a symbolic link to a missing file");
    char target[128];
    snprintf(target, sizeof target, "%s/nowhere.csv", dir);
    ck_assert_int_eq(access(target, F_OK), -1);
    /* a path in a directory that does not exist: not created */
    snprintf(path, sizeof path, "%s/missing/out.csv", dir);
    char why[256];
    snprintf(why, sizeof why, "cannot write: the directory '%s/missing' does not exist", dir);
    refused(ds, dir, path, why);
    snprintf(target, sizeof target, "%s/missing", dir);
    ck_assert_int_eq(access(target, F_OK), -1);
    rm_tree(sub);
    rm_tree(dir);
    egdi_dataset_free(ds);
}
END_TEST

/* ---- egdi_output_check ---- */

START_TEST(output_check_refuses_an_input)
{
    char dir[64], in[128], other[128], fresh[128], sym[128], hard[128], gone[128];
    char want[512];
    make_dir(dir, sizeof dir, "outfile");
    snprintf(in, sizeof in, "%s/in.csv", dir);
    snprintf(other, sizeof other, "%s/other.csv", dir);
    snprintf(fresh, sizeof fresh, "%s/fresh.csv", dir);
    snprintf(sym, sizeof sym, "%s/sym.csv", dir);
    snprintf(hard, sizeof hard, "%s/hard.csv", dir);
    snprintf(gone, sizeof gone, "%s/gone.csv", dir);
    put_file(in, "name,x\nA,1\n");
    put_file(other, "name,x\nA,1\n"); /* same content, different file */
    ck_assert_int_eq(symlink("in.csv", sym), 0);
    ck_assert_int_eq(link(in, hard), 0);
    const char *inputs[] = {in};

    /* a new path, or a regular file that is not an input, is fine */
    OK(egdi_output_check(fresh, inputs, 1));
    OK(egdi_output_check(other, inputs, 1));
    /* no inputs at all */
    OK(egdi_output_check(in, NULL, 0));

    /* the input itself, through a symbolic link, through a hard link: the message
     * names the output path and the input path */
    snprintf(want, sizeof want, "%s: is the input file '%s'", in, in);
    FAILS(egdi_output_check(in, inputs, 1), EGDI_ERR_IO, want);
    snprintf(want, sizeof want, "%s: is the input file '%s'", sym, in);
    FAILS(egdi_output_check(sym, inputs, 1), EGDI_ERR_IO, want);
    snprintf(want, sizeof want, "%s: is the input file '%s'", hard, in);
    FAILS(egdi_output_check(hard, inputs, 1), EGDI_ERR_IO, want);
    /* the input given as a link, the output as the file: the same file too */
    const char *via_link[] = {sym};
    snprintf(want, sizeof want, "%s: is the input file '%s'", in, sym);
    FAILS(egdi_output_check(in, via_link, 1), EGDI_ERR_IO, want);
    /* the matching input is found among others (second of three, one missing) */
    const char *several[] = {gone, hard, other};
    snprintf(want, sizeof want, "%s: is the input file '%s'", in, hard);
    FAILS(egdi_output_check(in, several, 3), EGDI_ERR_IO, want);

    /* inputs that do not exist are ignored, also when the output is one of them */
    const char *missing[] = {gone};
    OK(egdi_output_check(in, missing, 1));
    OK(egdi_output_check(gone, missing, 1));

    /* the check also refuses what the writers refuse */
    snprintf(want, sizeof want, "%s: is a directory", dir);
    FAILS(egdi_output_check(dir, NULL, 0), EGDI_ERR_IO, want);

    /* the check creates nothing */
    char list[512];
    listing(dir, list, sizeof list);
    ck_assert_str_eq(list, "hard.csv/in.csv/other.csv/sym.csv/");
    rm_tree(dir);
}
END_TEST

/* ---- JSON needs UTF-8 ---- */

START_TEST(json_refuses_invalid_utf8_before_writing)
{
    egdi_dataset *ds = tiny();
    /* unit 'U' named "\xff": a byte that is never valid UTF-8, at offset 0 */
    OK(egdi_dataset_add_unit(ds, "U", "\xff", NULL));
    char dir[64], path[128], list[512];
    make_dir(dir, sizeof dir, "outfile");
    snprintf(path, sizeof path, "%s/out.json", dir);
    put_file(path, OLD_TEXT);
    FAILS(egdi_dataset_write_json(ds, path, NULL), EGDI_ERR_INVALID_ARG,
          "unit 3 ('U'): its name is not valid UTF-8 (byte 0xFF at offset 0)");
    ck_assert_str_eq(slurp(path), OLD_TEXT); /* the target is untouched */
    listing(dir, list, sizeof list);
    ck_assert_str_eq(list, "out.json/"); /* and no temporary is left */

    /* to a stream: the same refusal, and not a byte written */
    char *buf = NULL;
    size_t size = 0;
    FILE *fp = open_memstream(&buf, &size);
    ck_assert_ptr_nonnull(fp);
    FAILS(egdi_dataset_write_json_stream(ds, fp, NULL), EGDI_ERR_INVALID_ARG,
          "unit 3 ('U'): its name is not valid UTF-8");
    ck_assert_int_eq(fflush(fp), 0);
    ck_assert_uint_eq(size, 0);
    fclose(fp);
    free(buf);

    /* a column name is checked too */
    egdi_dataset *bad_col = tiny();
    OK(egdi_dataset_add_numeric(bad_col, "y\xc3", NULL, 0)); /* C3 cut short at the end */
    FAILS(egdi_dataset_write_json(bad_col, path, NULL), EGDI_ERR_INVALID_ARG,
          "a column name is not valid UTF-8 (byte 0xC3 at offset 1)");
    ck_assert_str_eq(slurp(path), OLD_TEXT);
    egdi_dataset_free(bad_col);

    /* the same dataset without the bad unit writes fine over the old file */
    egdi_dataset *good = tiny();
    OK(egdi_dataset_write_json(good, path, NULL));
    ck_assert_str_eq(slurp(path), JSON_TEXT);
    egdi_dataset_free(good);
    rm_tree(dir);
    egdi_dataset_free(ds);
}
END_TEST

/* ---- the public handle: the caller's own text, by the same rule ---- */

START_TEST(public_output_handle)
{
    char dir[256], path[300], sub[300], list[256];
    make_dir(dir, sizeof dir, "outfile");
    snprintf(path, sizeof path, "%s/report.txt", dir);
    put_file(path, OLD_TEXT);
    chmod(path, 0640);
    /* commit: the new text replaces the file, which keeps its mode; the path
     * given may be gone by then (the handle keeps its own copy) */
    char *given = strdup(path);
    egdi_output *out = NULL;
    OK(egdi_output_open(given, &out));
    free(given);
    fputs("new text\n", egdi_output_stream(out));
    ck_assert_str_eq(slurp(path), OLD_TEXT); /* nothing visible before the commit */
    OK(egdi_output_commit(out));
    ck_assert_str_eq(slurp(path), "new text\n");
    ck_assert_uint_eq(mode_of(path), 0640);
    /* abort: the target stays as it was, nothing is left behind */
    OK(egdi_output_open(path, &out));
    fputs("dropped\n", egdi_output_stream(out));
    egdi_output_abort(out);
    egdi_output_abort(NULL);
    ck_assert_str_eq(slurp(path), "new text\n");
    listing(dir, list, sizeof list);
    ck_assert_str_eq(list, "report.txt/");
    /* a stream error fails the commit and leaves the target and directory as they were */
    OK(egdi_output_open(path, &out));
    FILE *fp = egdi_output_stream(out);
    fputc('x', fp);
    fgetc(fp); /* reading a write-only stream sets its error flag */
    ck_assert_int_eq(egdi_output_commit(out), EGDI_ERR_IO);
    ck_assert_ptr_nonnull(strstr(egdi_last_error(), "report.txt"));
    ck_assert_str_eq(slurp(path), "new text\n");
    listing(dir, list, sizeof list);
    ck_assert_str_eq(list, "report.txt/");
    /* what the rule refuses is refused before anything exists */
    ck_assert_int_eq(egdi_output_open(dir, &out), EGDI_ERR_IO);
    ck_assert_ptr_null(out);
    snprintf(sub, sizeof sub, "%s/missing/x.txt", dir);
    ck_assert_int_eq(egdi_output_open(sub, &out), EGDI_ERR_IO);
    ck_assert_int_eq(egdi_output_open(NULL, &out), EGDI_ERR_INVALID_ARG);
    ck_assert_ptr_null(egdi_output_stream(NULL));
    rm_tree(dir);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("outfile");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, new_path_gets_mode_0666_minus_umask);
    tcase_add_test(tc, existing_file_keeps_its_mode);
    tcase_add_test(tc, symlink_is_written_through);
    tcase_add_test(tc, fifo_is_refused);
    tcase_add_test(tc, directory_and_links_to_nothing_are_refused);
    tcase_add_test(tc, output_check_refuses_an_input);
    tcase_add_test(tc, json_refuses_invalid_utf8_before_writing);
    tcase_add_test(tc, public_output_handle);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
