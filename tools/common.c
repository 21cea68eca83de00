/* Helpers shared by the egdi subcommands. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "egdi_tool.h"

int tool_fail(const char *what, egdi_status st)
{
    fprintf(stderr, "egdi: %s: %s (%s)\n", what, egdi_last_error(), egdi_strerror(st));
    switch (st) {
    case EGDI_ERR_IO:
    case EGDI_ERR_PARSE:
        return EXIT_INPUT;
    default:
        return EXIT_FAIL;
    }
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
        if (!val)
            return -1;
        o->output = val;
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
    } else {
        return 0;
    }
    (*i)++;
    return 1;
}

egdi_status read_input(const char *path, egdi_dataset **out, int *is_un)
{
    char head[64] = {0};
    FILE *fp = fopen(path, "rb");
    if (fp) {
        size_t n = fread(head, 1, sizeof head - 1, fp);
        head[n] = '\0';
        fclose(fp);
    }
    const char *h = head;
    if ((unsigned char)h[0] == 0xEF && (unsigned char)h[1] == 0xBB && (unsigned char)h[2] == 0xBF)
        h += 3;
    *is_un = strncmp(h, "Survey Year,", 12) == 0;
    if (*is_un)
        return egdi_survey_read_un_csv(path, 0, out);
    return egdi_dataset_read_csv(path, NULL, out);
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
    double y;
    if (j == (size_t)-1 || egdi_dataset_n_units(ds) == 0 ||
        egdi_dataset_get_value(ds, 0, j, &y) != EGDI_OK || y != y)
        return 0;
    return (int)y;
}

int write_dataset(const egdi_dataset *ds, const common_opts *o, int omit_code)
{
    egdi_csv_options co;
    egdi_csv_options_init(&co);
    co.decimals = o->decimals;
    co.omit_code = omit_code;
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

int join_countries(egdi_dataset *data, const char *path, int by_name)
{
    const char *cpath = path ? path : default_countries();
    if (!cpath) {
        fprintf(stderr, "egdi: no country table found; give --countries FILE\n");
        return EXIT_INPUT;
    }
    egdi_dataset *countries = NULL;
    egdi_status st = egdi_dataset_read_csv(cpath, NULL, &countries);
    int rc = EXIT_OK;
    if (st != EGDI_OK)
        rc = tool_fail("reading the country table", st);
    else if ((st = egdi_dataset_join_labels(data, countries, by_name, 1)) != EGDI_OK)
        rc = tool_fail("joining the country table", st);
    egdi_dataset_free(countries);
    return rc;
}
