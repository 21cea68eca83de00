/* Helpers shared by the egdi subcommands. */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include "egdi_tool.h"

int tool_fail(const char *what, egdi_status st)
{
    fprintf(stderr, "egdi: %s: %s (%s)\n", what, egdi_last_error(), egdi_strerror(st));
    switch (st) {
    case EGDI_ERR_IO:
    case EGDI_ERR_PARSE:
    case EGDI_ERR_DATA:
    case EGDI_ERR_DUPLICATE:
    case EGDI_ERR_NOT_FOUND: /* a column or country the data lacks */
    case EGDI_ERR_DOMAIN:    /* a value no method can take */
        return EXIT_INPUT;
    default:
        return EXIT_FAIL;
    }
}

int check_output(const common_opts *o, char *const *inputs, int n_inputs)
{
    /* a --countries file is refused before any work, whether or not this run
     * ends up reading it (a table on the terminal needs no codes) */
    if (o->countries && !load_country_table(o->countries))
        return EXIT_INPUT; /* load_country_table said why */
    if (!o->output)
        return EXIT_OK;
    /* standard input is compared as the file it is redirected from */
    const char *paths[64];
    int n = 0;
    for (int k = 0; k < n_inputs && n < 64; k++)
        paths[n++] = strcmp(inputs[k], "-") == 0 ? "/dev/stdin" : inputs[k];
    /* the country table is read too: --countries, or the default one */
    const char *countries = o->countries ? o->countries : default_countries();
    if (countries && n < 64)
        paths[n++] = countries;
    if (egdi_output_check(o->output, paths, (size_t)n) != EGDI_OK) {
        fprintf(stderr, "egdi: -o: %s\n", egdi_last_error());
        return EXIT_OUTPUT;
    }
    return EXIT_OK;
}

int input_edition(const char *cmd, const common_opts *o, const egdi_dataset *data,
                  const char *path, int *edition)
{
    *edition = o->edition ? o->edition : dataset_year(data);
    if (*edition < 0) {
        fprintf(stderr, "egdi: %s: the survey_year column does not hold a year\n",
                strcmp(path, "-") == 0 ? "<stdin>" : path);
        return EXIT_INPUT;
    }
    if (!*edition && egdi_dataset_n_units(data) == 0) {
        fprintf(stderr, "egdi: %s: no units (countries): the file has a header only\n",
                strcmp(path, "-") == 0 ? "<stdin>" : path);
        return EXIT_INPUT;
    }
    if (!*edition)
        return tool_usage("%s: %s has no survey_year column; give --edition YEAR", cmd, path);
    egdi_edition_info e = {.version = EGDI_EDITION_INFO_VERSION};
    if (egdi_survey_edition_info(*edition, &e) == EGDI_OK) {
        provenance_set_int("edition", *edition);
        return EXIT_OK;
    }
    fprintf(stderr, "egdi: %s\n", egdi_last_error());
    return EXIT_FAIL;
}

void apply_survey_options(const common_opts *o, egdi_survey_options *so)
{
    so->allow_out_of_range = o->allow_out_of_range;
    so->allow_edition_mismatch = o->allow_edition_mismatch;
    so->drop_absent_indicators = o->drop_absent;
}

void note_absent_indicators(const common_opts *o, int edition, egdi_survey_input input,
                            const egdi_dataset *data)
{
    if (!o->drop_absent)
        return;
    char list[512];
    size_t len = 0;
    list[0] = '\0';
    const char *code, *comp;
    for (size_t k = 0; (code = egdi_survey_absent_indicator(edition, input, data, k, &comp)); k++) {
        int n = snprintf(list + len, sizeof list - len, "%s%s (%s)", k ? ", " : "", code, comp);
        if (n < 0 || (size_t)n >= sizeof list - len)
            break;
        len += (size_t)n;
    }
    if (!len)
        return;
    fprintf(stderr, "egdi: note: left out, absent from the data (weights renormalised): %s\n",
            list);
    provenance_set("dropped_indicators", list);
}

int tool_usage(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("egdi: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputs("\n(run 'egdi --help' for usage)\n", stderr);
    va_end(ap);
    return EXIT_USAGE;
}

int parse_int(const char *val, long lo, long hi, long *out)
{
    char *end;
    if (!val || !*val)
        return 0;
    long v = strtol(val, &end, 10);
    if (*end || v < lo || v > hi)
        return 0;
    *out = v;
    return 1;
}

int parse_common(int argc, char **argv, int *i, common_opts *o)
{
    const char *a = argv[*i];
    const char *val = *i + 1 < argc ? argv[*i + 1] : NULL;
    if (strcmp(a, "--format") == 0 || strcmp(a, "-f") == 0) {
        if (!val)
            return -1;
        if (strcmp(val, "table") == 0)
            o->format = FMT_TABLE;
        else if (strcmp(val, "csv") == 0)
            o->format = FMT_CSV;
        else if (strcmp(val, "json") == 0)
            o->format = FMT_JSON;
        else
            return -1;
    } else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
        if (!val || !*val)
            return -1;
        o->to_stdout = strcmp(val, "-") == 0;
        o->output = o->to_stdout ? NULL : val;
    } else if (strcmp(a, "--delimiter") == 0) {
        if (!val)
            return -1;
        if (strcmp(val, "tab") == 0 || strcmp(val, "\\t") == 0 || strcmp(val, "\t") == 0)
            o->delimiter = '\t';
        else if (strlen(val) == 1 && strchr(",;|", val[0]))
            o->delimiter = val[0];
        else
            return -1;
    } else if (strcmp(a, "--decimals") == 0) {
        long d;
        if (!parse_int(val, 0, 17, &d))
            return -1;
        o->decimals = (int)d;
    } else if (strcmp(a, "--edition") == 0 || strcmp(a, "-e") == 0) {
        long y;
        if (!parse_int(val, 1000, 9999, &y))
            return -1;
        o->edition = (int)y;
    } else if (strcmp(a, "--countries") == 0) {
        if (!val)
            return -1;
        o->countries = val;
    } else if (strcmp(a, "--decimal-comma") == 0) {
        o->decimal_comma = 1;
        return 1;
    } else if (strcmp(a, "--allow-out-of-range") == 0) {
        o->allow_out_of_range = 1;
        return 1;
    } else if (strcmp(a, "--allow-edition-mismatch") == 0) {
        o->allow_edition_mismatch = 1;
        return 1;
    } else if (strcmp(a, "--provenance") == 0) {
        o->provenance = 1;
        return 1;
    } else if (strcmp(a, "--drop-absent-indicators") == 0) {
        o->drop_absent = 1;
        return 1;
    } else {
        return 0;
    }
    (*i)++;
    return 1;
}

/* The whole of path ("-" = standard input) in memory, NUL-terminated. */
int read_whole_input(const char *path, char **text, size_t *len)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *fp = is_stdin ? stdin : fopen(path, "rb");
    struct stat sb;
    if (!fp) {
        fprintf(stderr, "egdi: %s: cannot open: %s\n", path, strerror(errno));
        return EXIT_INPUT;
    }
    if (!is_stdin && fstat(fileno(fp), &sb) == 0 &&
        (S_ISDIR(sb.st_mode) || S_ISCHR(sb.st_mode) || S_ISBLK(sb.st_mode))) {
        fprintf(stderr, "egdi: %s: is a %s, not a file\n", path,
                S_ISDIR(sb.st_mode) ? "directory" : "device");
        fclose(fp);
        return EXIT_INPUT;
    }
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap), *nb;
    while (buf && (got = fread(buf + n, 1, cap - 1 - n, fp)) > 0)
        if ((n += got) + 1 == cap)
            buf = (nb = realloc(buf, cap *= 2)) ? nb : (free(buf), NULL);
    int err = ferror(fp) ? errno : 0;
    if (!is_stdin)
        fclose(fp);
    if (!buf || err) {
        fprintf(stderr, "egdi: %s: cannot read: %s\n", is_stdin ? "<stdin>" : path,
                buf ? strerror(err) : "out of memory");
        free(buf);
        return EXIT_INPUT;
    }
    buf[n] = '\0';
    *text = buf;
    *len = n;
    return EXIT_OK;
}

/* Add a copy of name to a list unless it is there (or the list is full). */
static void add_name(char **names, size_t *n, size_t cap, const char *name)
{
    size_t m = 0;
    while (m < *n && strcmp(names[m], name) != 0)
        m++;
    if (m == *n && *n < cap && (names[*n] = strdup(name)) != NULL)
        (*n)++;
}

/* Add the source columns of an edition's index for `input` to a name list. */
static void add_sources(int edition, egdi_survey_input input, char **names, size_t *n,
                        size_t cap)
{
    egdi_index *idx = NULL;
    if (egdi_survey_index(edition, input, &idx) != EGDI_OK) {
        egdi_clear_error(); /* an unknown edition is reported by the computation */
        return;
    }
    for (size_t k = 0; k < egdi_index_n_nodes(idx); k++)
        if (egdi_index_node_source(idx, k))
            add_name(names, n, cap, egdi_index_node_source(idx, k));
    egdi_index_free(idx);
}

int read_input(const char *path, const common_opts *o, egdi_survey_input input,
               egdi_dataset **out, int *is_un)
{
    char *text = NULL;
    size_t len = 0;
    int rc = read_whole_input(path, &text, &len);
    if (rc != EXIT_OK)
        return rc;
    const char *source = strcmp(path, "-") == 0 ? "<stdin>" : path;
    provenance_add("input", source);
    const char *h = text;
    if ((unsigned char)h[0] == 0xEF && (unsigned char)h[1] == 0xBB && (unsigned char)h[2] == 0xBF)
        h += 3;
    *is_un = strncmp(h, "Survey Year,", 12) == 0;
    /* an empty file: nothing to open a memory stream on */
    FILE *fp = len ? fmemopen(text, len, "r") : fopen("/dev/null", "r");
    egdi_status st;
    if (!fp) {
        st = egdi_set_error(EGDI_ERR_NOMEM, "out of memory");
    } else if (*is_un) {
        st = egdi_survey_read_un_csv_stream(fp, source, 0, out);
    } else {
        /* the columns the computation needs must be numbers, cell by cell */
        static const char *const fixed[] = {"survey_year", "epi", "epi_raw"};
        char *numeric[512];
        size_t n_numeric = 0;
        for (size_t k = 0; k < 3; k++)
            add_name(numeric, &n_numeric, 512, fixed[k]);
        for (size_t e = 0; e < egdi_survey_n_editions(); e++)
            if (!o->edition || egdi_survey_edition(e) == o->edition)
                add_sources(egdi_survey_edition(e), input, numeric, &n_numeric, 512);
        egdi_csv_options co = EGDI_CSV_OPTIONS_INIT;
        co.numeric_columns = (const char *const *)numeric;
        co.n_numeric_columns = n_numeric;
        co.delimiter = o->delimiter;
        co.decimal = o->decimal_comma ? ',' : '.';
        st = egdi_dataset_read_csv_stream(fp, source, &co, out);
        for (size_t k = 0; k < n_numeric; k++)
            free(numeric[k]);
    }
    if (fp)
        fclose(fp);
    free(text);
    if (st != EGDI_OK) {
        fprintf(stderr, "egdi: reading input: %s (%s)\n", egdi_last_error(), egdi_strerror(st));
        return EXIT_INPUT;
    }
    return EXIT_OK;
}

size_t col(const egdi_dataset *ds, const char *name)
{
    size_t j;
    if (egdi_dataset_find_column(ds, name, &j) != EGDI_OK) {
        egdi_clear_error();
        return (size_t)-1;
    }
    return j;
}

int dataset_year(const egdi_dataset *ds)
{
    size_t j = col(ds, "survey_year");
    double y = NAN;
    for (size_t i = 0; j != (size_t)-1 && i < egdi_dataset_n_units(ds) && isnan(y); i++)
        if (egdi_dataset_get_value(ds, i, j, &y) != EGDI_OK)
            y = NAN;
    if (isnan(y))
        return 0;
    /* a year the library could know: anything else is not a Survey year */
    return y >= 1000 && y <= 9999 && y == (int)y ? (int)y : -1;
}

int write_dataset(const egdi_dataset *ds, const common_opts *o, int omit_code)
{
    egdi_csv_options co;
    egdi_csv_options_init(&co);
    co.decimals = o->decimals;
    co.omit_code = omit_code;
    provenance_apply(&co, o->provenance);
    egdi_status st;
    int json = o->format == FMT_JSON;
    if (o->output)
        st = json ? egdi_dataset_write_json(ds, o->output, &co)
                  : egdi_dataset_write_csv(ds, o->output, &co);
    else
        st = json ? egdi_dataset_write_json_stream(ds, stdout, &co)
                  : egdi_dataset_write_csv_stream(ds, stdout, &co);
    if (st != EGDI_OK) {
        fprintf(stderr, "egdi: writing %s: %s\n", o->output ? o->output : "output",
                egdi_last_error());
        return EXIT_OUTPUT;
    }
    return EXIT_OK;
}

void print_cell(FILE *fp, const char *s, int width, int right)
{
    int cols = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p & 0xC0) != 0x80)
            cols++;
    int pad = width > cols ? width - cols : 0;
    if (right)
        fprintf(fp, "%*s%s", pad, "", s);
    else
        fprintf(fp, "%s%*s", s, pad, "");
}

const char *default_countries(void)
{
#ifdef EGDI_DATADIR
    static const char path[] = EGDI_DATADIR "/countries.csv";
    if (access(path, R_OK) == 0)
        return path;
#endif
#ifdef EGDI_SOURCE_DATADIR
    static const char src[] = EGDI_SOURCE_DATADIR "/countries.csv";
    if (access(src, R_OK) == 0)
        return src;
#endif
    return NULL;
}

/* A country table has a code column (ISO alpha-3) besides the names: a file
 * whose every code is its name has none (the reader then keys rows by name),
 * and would silently fill `code` with names. */
static int is_country_table(const egdi_dataset *t)
{
    for (size_t i = 0; i < egdi_dataset_n_units(t); i++) {
        const char *name = egdi_dataset_unit_name(t, i);
        if (name && strcmp(egdi_dataset_unit_code(t, i), name) != 0)
            return 1;
    }
    return 0;
}

/* The country tables of this run. The tool runs one command per process, and a
 * command may validate, join, look up and re-code with its table: each is read
 * once, on first use, and kept (process state of the tool, like the provenance
 * record) until tool_cleanup(), so that a pointer handed out stays valid. */
typedef struct country_cache {
    struct country_cache *next;
    egdi_dataset *table;
    char path[]; /* as read */
} country_cache;
static country_cache *countries_read;

void tool_cleanup(void)
{
    while (countries_read) {
        country_cache *c = countries_read;
        countries_read = c->next;
        egdi_dataset_free(c->table);
        free(c);
    }
}

/* The country table at path (NULL = the default): EXIT_OK with *out (kept by
 * the cache), or EXIT_INPUT with a message unless `quiet` (none found,
 * unreadable, not a country table). */
static int country_table(const char *path, int quiet, const egdi_dataset **out)
{
    const char *cpath = path ? path : default_countries();
    *out = NULL;
    if (!cpath) {
        if (!quiet)
            fprintf(stderr, "egdi: no country table found; give --countries FILE\n");
        return EXIT_INPUT;
    }
    for (const country_cache *c = countries_read; c; c = c->next)
        if (strcmp(c->path, cpath) == 0) {
            *out = c->table;
            return EXIT_OK;
        }
    country_cache *c = malloc(sizeof *c + strlen(cpath) + 1);
    egdi_dataset *t = NULL;
    egdi_status st = c ? egdi_dataset_read_csv(cpath, NULL, &t)
                       : egdi_set_error(EGDI_ERR_NOMEM, "out of memory");
    int rc = EXIT_OK;
    if (st != EGDI_OK) {
        if (!quiet)
            tool_fail("reading the country table", st);
        rc = EXIT_INPUT;
    } else if (!is_country_table(t)) {
        if (!quiet)
            fprintf(stderr, "egdi: %s: not a country table: it needs a 'code' column (ISO 3166 "
                            "alpha-3) and a 'name' column, and may add label columns (region, "
                            "income, ...); see data/countries.csv\n", cpath);
        rc = EXIT_INPUT;
    }
    if (rc != EXIT_OK) {
        egdi_clear_error();
        egdi_dataset_free(t);
        free(c);
        return rc;
    }
    strcpy(c->path, cpath);
    c->table = t;
    c->next = countries_read;
    countries_read = c;
    *out = t;
    return EXIT_OK;
}

int join_countries(egdi_dataset *data, const char *path, int by_name)
{
    const egdi_dataset *countries;
    int rc = country_table(path, 0, &countries);
    egdi_status st;
    if (rc == EXIT_OK && (st = egdi_dataset_join_labels(data, countries, by_name, 1)) != EGDI_OK)
        rc = tool_fail("joining the country table", st);
    return rc;
}

/* The row of the unit named `text` in ds (code or name, ignoring ASCII case),
 * SIZE_MAX if none or several. */
static size_t find_unit_text(const egdi_dataset *ds, const char *text)
{
    size_t row;
    if (egdi_dataset_find_country(ds, text, NULL, &row) == EGDI_OK)
        return row;
    egdi_clear_error();
    return SIZE_MAX;
}

int find_country(const egdi_dataset *ds, const char *text, const char *countries_path,
                 size_t *row)
{
    egdi_status st = egdi_dataset_find_country(ds, text, load_country_table(countries_path), row);
    if (st == EGDI_OK)
        return EXIT_OK;
    fprintf(stderr, "egdi: %s\n", egdi_last_error());
    return EXIT_INPUT;
}

/* ---- groups: memberships, user groups and country-table labels (issue 8) ---- */

const char *default_memberships(void)
{
#ifdef EGDI_DATADIR
    static const char path[] = EGDI_DATADIR "/memberships.csv";
    if (access(path, R_OK) == 0)
        return path;
#endif
#ifdef EGDI_SOURCE_DATADIR
    static const char src[] = EGDI_SOURCE_DATADIR "/memberships.csv";
    if (access(src, R_OK) == 0)
        return src;
#endif
    return NULL;
}

const egdi_dataset *load_country_table(const char *path)
{
    const egdi_dataset *table;
    /* a --countries file says why it is not used; a missing default is no error */
    return country_table(path, !path, &table) == EXIT_OK ? table : NULL;
}

int add_user_group(const char *cmd, egdi_dataset *ds, const char *spec,
                   const egdi_dataset *countries)
{
    const char *eq = strchr(spec, '=');
    if (!eq || eq == spec)
        return tool_usage("%s: --group takes NAME=A,B,... (countries by name or ISO code)", cmd);
    char *name = strndup(spec, (size_t)(eq - spec)), *list = strdup(eq + 1);
    const char **members = malloc((strlen(eq) + 1) * sizeof *members);
    size_t n = 0;
    if (!name || !list || !members) {
        free(name), free(list), free(members);
        fprintf(stderr, "egdi: out of memory\n");
        return EXIT_FAIL;
    }
    /* split at commas, trimming blanks; empty items are skipped */
    for (char *p = list, *next; p; p = next) {
        next = strchr(p, ',');
        if (next)
            *next++ = '\0';
        while (*p == ' ' || *p == '\t')
            p++;
        char *end = p + strlen(p);
        while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
            *--end = '\0';
        if (*p)
            members[n++] = p;
    }
    egdi_status st = egdi_dataset_add_group(ds, name, members, n, countries);
    int rc = EXIT_OK;
    if (st != EGDI_OK) {
        fprintf(stderr, "egdi: %s: --group: %s\n", cmd, egdi_last_error());
        rc = st == EGDI_ERR_NOT_FOUND ? EXIT_INPUT : EXIT_USAGE;
    }
    free(name), free(list), free(members);
    return rc;
}

/* The spec of --group NAME=... among groups[], or NULL. */
static const char *user_group_spec(const char *name, char *const *groups, int n_groups)
{
    size_t len = strlen(name);
    for (int g = 0; g < n_groups; g++)
        if (strncmp(groups[g], name, len) == 0 && groups[g][len] == '=')
            return groups[g];
    return NULL;
}

int provide_label(const char *cmd, egdi_dataset *data, const char *name, int edition,
                  const common_opts *o, const char *memberships, char *const *groups,
                  int n_groups, int is_un)
{
    if (col(data, name) != (size_t)-1)
        return EXIT_OK; /* a column of the input (or joined before) */
    const egdi_dataset *countries = load_country_table(o->countries);
    int rc = EXIT_OK;
    const char *spec = user_group_spec(name, groups, n_groups);
    if (spec) {
        rc = add_user_group(cmd, data, spec, countries);
    } else if (countries && col(countries, name) != (size_t)-1) {
        rc = join_countries(data, o->countries, is_un);
    } else {
        const char *mpath = memberships ? memberships : default_memberships();
        egdi_memberships *m = NULL;
        egdi_status st = mpath ? egdi_memberships_read(mpath, &m) : EGDI_OK;
        /* the group, or else the groups there are, for the message */
        char known[512] = "";
        size_t used = 0;
        int is_member_group = 0;
        for (size_t g = 0; m && g < egdi_memberships_n_groups(m); g++) {
            const char *key = egdi_memberships_group(m, g);
            is_member_group |= strcmp(key, name) == 0;
            if (used < sizeof known)
                used += (size_t)snprintf(known + used, sizeof known - used, "%s%s",
                                         g ? ", " : "", key);
        }
        char when[16];
        snprintf(when, sizeof when, "%04d", edition);
        if (st != EGDI_OK) {
            rc = tool_fail("reading the memberships", st);
        } else if (is_member_group) {
            if ((st = egdi_memberships_add_labels(m, data, name, when, countries)) != EGDI_OK)
                rc = tool_fail("adding the memberships", st);
        } else {
            fprintf(stderr, "egdi: %s: rank within '%s': no column of the input, country-table "
                    "label (region, subregion, income, status), membership (%s) or --group of "
                    "that name\n", cmd, name, *known ? known : "no memberships file found");
            rc = EXIT_INPUT;
        }
        egdi_memberships_free(m);
    }
    return rc;
}

int with_iso_codes(const egdi_dataset *ds, const char *countries_path, egdi_dataset **out)
{
    const egdi_dataset *table = load_country_table(countries_path);
    egdi_dataset *res = NULL;
    if (countries_path && !table)
        return EXIT_INPUT; /* load_country_table said why */
    size_t n = egdi_dataset_n_units(ds), nc = egdi_dataset_n_columns(ds);
    const char **codes = malloc((n ? n : 1) * sizeof *codes);
    const char **names = malloc((n ? n : 1) * sizeof *names);
    const char **labels = malloc((n ? n : 1) * sizeof *labels);
    double *buf = malloc((n ? n : 1) * sizeof *buf);
    egdi_status st = codes && names && labels && buf ? egdi_dataset_new(&res)
                                                     : egdi_set_error(EGDI_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < n && st == EGDI_OK; i++) {
        names[i] = egdi_dataset_unit_name(ds, i);
        codes[i] = egdi_dataset_unit_code(ds, i);
        size_t t = table ? find_unit_text(table, names[i]) : SIZE_MAX, other;
        if (t == SIZE_MAX && table)
            t = find_unit_text(table, codes[i]);
        /* the ISO code, unless the data uses it for another unit */
        if (t != SIZE_MAX && (egdi_dataset_find_unit(ds, egdi_dataset_unit_code(table, t),
                                                     &other) != EGDI_OK || other == i))
            codes[i] = egdi_dataset_unit_code(table, t);
        egdi_clear_error();
    }
    st = st ? st : egdi_dataset_add_units(res, codes, names, n);
    for (size_t j = 0; j < nc && st == EGDI_OK; j++) {
        egdi_column_kind kind;
        const char *cname = egdi_dataset_column_name(ds, j);
        st = egdi_dataset_column_kind(ds, j, &kind);
        if (st == EGDI_OK && kind == EGDI_COLUMN_NUMERIC) {
            st = egdi_dataset_get_numeric(ds, j, buf, n);
            st = st ? st : egdi_dataset_add_numeric(res, cname, buf, n);
        } else if (st == EGDI_OK) {
            for (size_t i = 0; i < n; i++)
                labels[i] = egdi_dataset_get_label(ds, i, j);
            st = egdi_dataset_add_labels(res, cname, labels, n);
        }
    }
    free(codes), free(names), free(labels), free(buf);
    if (st != EGDI_OK) {
        egdi_dataset_free(res);
        return tool_fail("adding ISO codes", st);
    }
    *out = res;
    return EXIT_OK;
}

int text_output_open(const common_opts *o, egdi_output **out, FILE **fp)
{
    *out = NULL;
    *fp = stdout;
    if (!o->output)
        return EXIT_OK;
    egdi_status st = egdi_output_open(o->output, out);
    if (st != EGDI_OK) {
        fprintf(stderr, "egdi: writing %s: %s\n", o->output, egdi_last_error());
        return EXIT_OUTPUT;
    }
    *fp = egdi_output_stream(*out);
    return EXIT_OK;
}

int text_output_close(const common_opts *o, egdi_output *out)
{
    if (!out)
        return EXIT_OK; /* stdout: main checks it once at the end */
    egdi_status st = egdi_output_commit(out);
    if (st != EGDI_OK) {
        fprintf(stderr, "egdi: writing %s: %s\n", o->output, egdi_last_error());
        return EXIT_OUTPUT;
    }
    return EXIT_OK;
}

int param_word(size_t method, size_t k, double value, char *buf, size_t size)
{
    egdi_param_info pi = {.version = EGDI_PARAM_INFO_VERSION};
    if (egdi_method_get_param(method, k, &pi) != EGDI_OK || !pi.summary || size == 0 ||
        !(value >= 0) || value != floor(value))
        return 0;
    /* a keyword parameter's summary: "word|word|...: text" (method.h) */
    const char *colon = strchr(pi.summary, ':');
    if (!colon || !memchr(pi.summary, '|', (size_t)(colon - pi.summary)))
        return 0;
    for (const char *p = pi.summary; p < colon; p++)
        if (!(*p == '|' || *p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')))
            return 0;
    const char *w = pi.summary;
    for (double i = 0; i < value && w < colon; i++) {
        w = memchr(w, '|', (size_t)(colon - w));
        if (!w)
            return 0;
        w++;
    }
    const char *end = memchr(w, '|', (size_t)(colon - w));
    size_t len = (size_t)((end ? end : colon) - w);
    if (len == 0 || len >= size)
        return 0;
    memcpy(buf, w, len);
    buf[len] = '\0';
    return 1;
}

