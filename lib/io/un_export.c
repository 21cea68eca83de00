/* The UN E-Government Data Center export ("Survey Year,Country Name,...") as
 * it is downloaded: one row per country, eight fixed columns. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "data/data.h"
#include "io/io.h"

static const char *const un_header[8] = {
    "Survey Year", "Country Name", "E-Government Rank", "E-Government Index",
    "E-Participation Index", "Online Service Index", "Human Capital Index",
    "Telecommunication Infrastructure Index"};
/* dataset column for each numeric file column (file column 1 = the name) */
static const char *const un_cols[8] = {"survey_year", NULL, "rank_published", "egdi_published",
                                       "epi", "osi", "hci", "tii"};

static egdi_status un_from_csv(const egdi__csv *csv, const void *ctx, const char *src,
                               egdi_dataset *ds)
{
    int keep = *(const int *)ctx;
    if (csv->n_cols != 8)
        return egdi__fail(EGDI_ERR_PARSE, "%s:%zu: a Data Center export has 8 columns, this "
                          "header has %zu", src, csv->line[0], csv->n_cols);
    for (size_t j = 0; j < 8; j++)
        if (strcmp(egdi__csv_cell(csv, 0, j), un_header[j]) != 0)
            return egdi__fail(EGDI_ERR_PARSE, "%s:%zu: column %zu: header '%s', expected '%s'",
                              src, csv->line[0], j + 1, egdi__csv_cell(csv, 0, j), un_header[j]);
    size_t n = csv->n_rows - 1;
    egdi_status st = EGDI_OK;
    /* units: the trimmed country name is both code and name */
    for (size_t r = 1; r < csv->n_rows; r++) {
        const char *name = egdi__csv_cell(csv, r, 1);
        size_t i;
        st = egdi_dataset_add_unit(ds, name, name, &i);
        if (st != EGDI_OK) {
            egdi__error_prefix("%s:%zu: column 2: ", src, csv->line[r]);
            return st;
        }
    }
    for (size_t j = 0; j < 8; j++)
        if (un_cols[j] && (st = egdi_dataset_add_numeric(ds, un_cols[j], NULL, 0)) != EGDI_OK)
            return st;
    double year = NAN;
    for (size_t r = 1; r <= n; r++) {
        size_t k = 0;
        for (size_t j = 0; j < 8; j++) {
            if (!un_cols[j])
                continue;
            const char *cell = egdi__csv_cell(csv, r, j);
            if (!egdi__parse_number(cell, &ds->cols[k++].num[r - 1]))
                return egdi__fail(EGDI_ERR_PARSE, "%s:%zu: column %zu ('%s'), country '%s': '%s' "
                                  "%s", src, csv->line[r], j + 1, un_header[j],
                                  ds->codes[r - 1], cell, egdi__number_problem(cell, '.'));
        }
        double y = ds->cols[0].num[r - 1];
        if (isnan(y) || (!isnan(year) && y != year))
            return egdi__fail(EGDI_ERR_PARSE, "%s:%zu: column 1 ('Survey Year'): '%s' differs from "
                              "the first row's year %g", src, csv->line[r],
                              egdi__csv_cell(csv, r, 0), year);
        year = y;
        /* placeholder rows: EGDI exactly 0 means "not assessed" */
        if (!keep && ds->cols[2].num[r - 1] == 0.0)
            for (size_t c = 2; c < 7; c++)
                ds->cols[c].num[r - 1] = NAN;
    }
    return EGDI_OK;
}

egdi_status egdi_survey_read_un_csv_buffer(const char *text, size_t len, int keep,
                                           egdi_dataset **out)
{
    return egdi__survey_read_un(text, len, keep, "<buffer>", out);
}

egdi_status egdi__survey_read_un(const char *text, size_t len, int keep, const char *src,
                                 egdi_dataset **out)
{
    EGDI_CHECK_ARG((text || len == 0) && out, "text/out");
    return egdi__dataset_from_csv(text ? text : "", len, ',', src, un_from_csv, &keep, out);
}

egdi_status egdi_survey_read_un_csv(const char *path, int keep, egdi_dataset **out)
{
    EGDI_CHECK_ARG(path && out, "path/out");
    char *text = NULL;
    size_t len;
    egdi_status st = egdi__read_file(path, &text, &len);
    if (st != EGDI_OK)
        return st;
    st = egdi__survey_read_un(text, len, keep, path, out);
    free(text);
    return st;
}

egdi_status egdi_survey_read_un_csv_stream(FILE *fp, const char *source, int keep,
                                           egdi_dataset **out)
{
    EGDI_CHECK_ARG(fp && out, "fp/out");
    if (!source)
        source = "<stream>";
    char *text = NULL;
    size_t len;
    egdi_status st = egdi__read_stream(fp, source, &text, &len);
    if (st != EGDI_OK)
        return st;
    st = egdi__survey_read_un(text, len, keep, source, out);
    free(text);
    return st;
}
