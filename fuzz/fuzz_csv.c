/* libFuzzer harness: egdi_dataset_read_csv_buffer() (wide CSV tables).
 *
 * Input: byte 0 selects the options, the rest is the CSV text.
 *   byte0 % 3         delimiter: 0 = detect, 1 = ',', 2 = ';'
 *   (byte0 / 3) % 2   label_columns: NULL (decide per column) or {region, income, group}
 *   (byte0 / 6) % 2   code/name columns: "code"/"name" or "iso"/"country"
 *   (byte0 / 12) % 2  write back with CRLF line ends
 *   byte0 >= 0xC0     with version-2 options (libegdi 1.2), by byte0 % 4:
 *                     0 = tab delimiter, 1 = '|' delimiter, 2 = decimal
 *                     comma, 3 = numeric_columns {osi, tii, hci, x}
 * Seeds start with '0' (detect, defaults), '1' (','), '2' (';'), '3' (labels), ...
 *
 * Invariants: see fuzz/README.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"

static const char *const label_list[] = {"region", "income", "group"};
#if EGDI_CSV_OPTIONS_VERSION >= 2
static const char *const numeric_list[] = {"osi", "tii", "hci", "x"};
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t sel = size ? data[0] : 0;
    const char *text = size ? (const char *)data + 1 : "";
    size_t len = size ? size - 1 : 0;

    egdi_csv_options o = EGDI_CSV_OPTIONS_INIT;
    static const char delims[3] = {0, ',', ';'};
    o.delimiter = delims[sel % 3];
    if ((sel / 3) % 2) {
        o.label_columns = label_list;
        o.n_label_columns = sizeof label_list / sizeof *label_list;
    }
    if ((sel / 6) % 2) {
        o.code_column = "iso";
        o.name_column = "country";
    }
#if EGDI_CSV_OPTIONS_VERSION >= 2
    switch (sel < 0xC0 ? -1 : sel % 4) {
    case 0: o.delimiter = '\t'; break;
    case 1: o.delimiter = '|'; break;
    case 2: o.decimal = ','; break;
    case 3:
        o.numeric_columns = numeric_list;
        o.n_numeric_columns = sizeof numeric_list / sizeof *numeric_list;
        break;
    default: break;
    }
#endif

    egdi_dataset *ds = NULL;
    fuzz_before_call();
    egdi_status st = egdi_dataset_read_csv_buffer(text, len, &o, &ds);
    if (st != EGDI_OK) {
        fuzz_check_failure(st, ds);
        return 0;
    }
    fuzz_check_dataset(ds, 1);
    if (fuzz_verbose())
        fprintf(stderr, "egdi-fuzz: read %zu units, %zu columns\n", egdi_dataset_n_units(ds),
                egdi_dataset_n_columns(ds));

    /* round trip: write (shortest exact numbers) and read back */
    egdi_csv_options w = o;
    w.delimiter = o.delimiter ? o.delimiter : ',';
    w.crlf = (sel / 12) % 2;
    const char **labels = NULL;
#if EGDI_CSV_OPTIONS_VERSION >= 2
    if (o.decimal == ',') {
        /* The writer writes decimal points: read back with '.', naming the
         * label columns (a cell like "1." is a label with a decimal comma
         * but a number with a decimal point). */
        w.decimal = '.';
        size_t m = egdi_dataset_n_columns(ds), nl = 0;
        labels = malloc((m ? m : 1) * sizeof *labels);
        FUZZ_CHECK(labels != NULL);
        for (size_t j = 0; j < m; j++) {
            egdi_column_kind k;
            FUZZ_CHECK(egdi_dataset_column_kind(ds, j, &k) == EGDI_OK);
            if (k == EGDI_COLUMN_LABEL)
                labels[nl++] = egdi_dataset_column_name(ds, j);
        }
        w.label_columns = labels;
        w.n_label_columns = nl;
    }
#endif
    size_t out_len = 0;
    char *out = fuzz_write_csv(ds, &w, &out_len);
    FUZZ_CHECKF(out != NULL, "writing a dataset that was read failed: %s", egdi_last_error());
    egdi_dataset *back = NULL;
    fuzz_before_call();
    st = egdi_dataset_read_csv_buffer(out, out_len, &w, &back);
    FUZZ_CHECKF(st == EGDI_OK, "reading back the written CSV failed: %s\n--- written:\n%.*s",
                egdi_last_error(), (int)(out_len < 4000 ? out_len : 4000), out);
    fuzz_check_dataset(back, 1);
    fuzz_check_same_dataset(ds, back);
    egdi_dataset_free(back);
    free(out);
    free(labels);
    w.label_columns = o.label_columns;
    w.n_label_columns = o.n_label_columns;

    /* JSON writer: must succeed on any dataset */
    char *json = NULL;
    size_t json_len = 0;
    FILE *fp = open_memstream(&json, &json_len);
    FUZZ_CHECK(fp != NULL);
    st = egdi_dataset_write_json_stream(ds, fp, &w);
    FUZZ_CHECK(fclose(fp) == 0);
    FUZZ_CHECKF(st == EGDI_OK, "JSON write failed: %s", egdi_last_error());
    free(json);

    /* a copy is the same dataset */
    egdi_dataset *copy = NULL;
    st = egdi_dataset_clone(ds, &copy);
    FUZZ_CHECK(st == EGDI_OK);
    fuzz_check_same_dataset(ds, copy);
    egdi_dataset_free(copy);

    egdi_dataset_free(ds);
    return 0;
}
