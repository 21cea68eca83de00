/* Compute one Survey edition from a UN Data Center export and print the top of
 * the ranking.   usage: rank_edition YEAR FILE [N] */
#include <stdio.h>
#include <stdlib.h>

#include <egdi/egdi.h>

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s YEAR EGOV_DATA_YEAR.csv [N]\n", argv[0]);
        return 2;
    }
    int year = atoi(argv[1]);
    size_t top = argc > 3 ? (size_t)atoi(argv[3]) : 10;
    egdi_dataset *data = NULL, *table = NULL;
    egdi_status st = egdi_survey_read_un_csv(argv[2], 0, &data);
    if (st == EGDI_OK)
        st = egdi_survey_compute(year, EGDI_INPUT_COMPONENTS, data, &table);
    if (st != EGDI_OK) {
        fprintf(stderr, "error: %s\n", egdi_last_error());
        egdi_dataset_free(data);
        return 1;
    }
    size_t n = egdi_dataset_n_units(table), j_egdi, j_rank;
    egdi_dataset_find_column(table, "egdi", &j_egdi);
    egdi_dataset_find_column(table, "rank", &j_rank);
    for (size_t r = 1; r <= top; r++)          /* print ranks 1..top in order */
        for (size_t i = 0; i < n; i++) {
            double rank, egdi;
            egdi_dataset_get_value(table, i, j_rank, &rank);
            egdi_dataset_get_value(table, i, j_egdi, &egdi);
            if (rank == (double)r)
                printf("%3.0f  %.5f  %s\n", rank, egdi, egdi_dataset_unit_name(table, i));
        }
    egdi_dataset_free(table);
    egdi_dataset_free(data);
    return 0;
}
