/* libFuzzer harness: egdi_survey_read_un_csv_buffer() (UN E-Government Data
 * Center export), then the Survey ranking table of the file's edition.
 *
 * Input: byte 0 selects the options, the rest is the export text.
 *   byte0 % 2         keep_placeholders
 *   (byte0 / 2) % 2   compute the ranking table (egdi_survey_compute)
 * Seeds start with '0' (drop placeholders, no table), '2' (drop, table), ...
 *
 * Invariants: see fuzz/README.md. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"

static const char *const un_columns[7] = {"survey_year", "rank_published", "egdi_published",
                                          "epi", "osi", "hci", "tii"};

static int known_edition(double year)
{
    for (size_t i = 0; i < egdi_survey_n_editions(); i++)
        if ((double)egdi_survey_edition(i) == year)
            return 1;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t sel = size ? data[0] : 0;
    const char *text = size ? (const char *)data + 1 : "";
    size_t len = size ? size - 1 : 0;
    int keep = sel & 1, table = (sel >> 1) & 1;

    egdi_dataset *ds = NULL;
    fuzz_before_call();
    egdi_status st = egdi_survey_read_un_csv_buffer(text, len, keep, &ds);
    if (st != EGDI_OK) {
        fuzz_check_failure(st, ds);
        return 0;
    }
    fuzz_check_dataset(ds, 1);
    size_t n = egdi_dataset_n_units(ds);
    if (fuzz_verbose())
        fprintf(stderr, "egdi-fuzz: read %zu countries\n", n);
    FUZZ_CHECKF(egdi_dataset_n_columns(ds) == 7, "%zu columns", egdi_dataset_n_columns(ds));
    double *col[7];
    for (size_t j = 0; j < 7; j++) {
        FUZZ_CHECKF(strcmp(egdi_dataset_column_name(ds, j), un_columns[j]) == 0,
                    "column %zu is '%s'", j, egdi_dataset_column_name(ds, j));
        egdi_column_kind k;
        FUZZ_CHECK(egdi_dataset_column_kind(ds, j, &k) == EGDI_OK && k == EGDI_COLUMN_NUMERIC);
        col[j] = malloc((n ? n : 1) * sizeof *col[j]);
        FUZZ_CHECK(col[j] != NULL);
        FUZZ_CHECK(egdi_dataset_get_numeric(ds, j, col[j], n) == EGDI_OK);
    }
    for (size_t i = 0; i < n; i++) {
        /* the country name is code and name */
        FUZZ_CHECK(strcmp(egdi_dataset_unit_code(ds, i), egdi_dataset_unit_name(ds, i)) == 0);
        /* one edition per file */
        FUZZ_CHECKF(!isnan(col[0][i]) && col[0][i] == col[0][0], "unit %zu: survey year %g, "
                    "first row %g", i, col[0][i], col[0][0]);
        /* placeholders (published EGDI exactly 0) are dropped unless kept */
        if (!keep)
            FUZZ_CHECKF(col[2][i] != 0.0, "unit %zu: placeholder row kept", i);
    }

    /* round trip through the wide CSV writer and reader */
    size_t out_len = 0;
    char *out = fuzz_write_csv(ds, NULL, &out_len);
    FUZZ_CHECK(out != NULL);
    egdi_dataset *back = NULL;
    fuzz_before_call();
    st = egdi_dataset_read_csv_buffer(out, out_len, NULL, &back);
    FUZZ_CHECKF(st == EGDI_OK, "reading back the written CSV failed: %s", egdi_last_error());
    fuzz_check_same_dataset(ds, back);
    egdi_dataset_free(back);
    free(out);

    if (table) {
        int edition = n && known_edition(col[0][0]) ? (int)col[0][0] : 2024;
        egdi_dataset *tab = NULL;
        fuzz_before_call();
        st = egdi_survey_compute(edition, EGDI_INPUT_COMPONENTS, ds, &tab);
        if (st != EGDI_OK) {
            fuzz_check_failure(st, tab);
        } else {
            fuzz_check_survey_table(ds, tab, edition);
            if (fuzz_verbose())
                fprintf(stderr, "egdi-fuzz: ranking table of %d\n", edition);
            egdi_dataset_free(tab);
        }
    }
    for (size_t j = 0; j < 7; j++)
        free(col[j]);
    egdi_dataset_free(ds);
    return 0;
}
