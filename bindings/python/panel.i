/* SWIG declarations of <egdi/panel.h>: the panel across editions. The calls
 * that take several datasets or editions go through the egdi_py_panel_*
 * wrappers below (Python lists in, one C call, the GIL released around it). */

%ignore egdi_panel_options;
%ignore egdi_panel_compute;        /* egdi_py_panel_compute */
%ignore egdi_panel_from_tables;    /* egdi_py_panel_from_tables */
%ignore egdi_panel_compare;        /* egdi_py_panel_compare */
%ignore egdi_panel_changes_text;   /* egdi_py_panel_changes_text */
%apply unsigned int *OUTPUT { unsigned *flags };

%include "egdi/panel.h"

%{
/* A sequence of editions (int) as a C array (malloc'd, *n entries). Needs the
 * GIL; 0 with a Python exception set on failure. */
static int egdi_py_years(PyObject *editions, int **years, size_t *n)
{
    PyObject *e = PySequence_Tuple(editions);
    *n = e ? (size_t)PyTuple_GET_SIZE(e) : 0;
    *years = e ? (int *)calloc(*n + 1, sizeof **years) : NULL;
    int ok = *years != NULL;
    if (e && !ok)
        PyErr_NoMemory();
    for (size_t k = 0; ok && k < *n; k++) {
        long y = PyLong_AsLong(PyTuple_GET_ITEM(e, (Py_ssize_t)k));
        if (y == -1 && PyErr_Occurred())
            ok = 0;
        else if (y < INT_MIN || y > INT_MAX)
            ok = (PyErr_Format(PyExc_OverflowError, "edition %ld is out of range", y), 0);
        else
            (*years)[k] = (int)y;
    }
    Py_XDECREF(e);
    if (!ok) {
        free(*years);
        *years = NULL;
    }
    return ok;
}

/* A sequence of n dataset proxies as a C array (malloc'd); as above. */
static int egdi_py_datasets(PyObject *datasets, size_t n, const egdi_dataset ***data)
{
    PyObject *d = PySequence_Tuple(datasets);
    *data = NULL;
    if (d && (size_t)PyTuple_GET_SIZE(d) != n)
        PyErr_SetString(PyExc_ValueError, "panel: one edition per dataset");
    else if (d && !(*data = (const egdi_dataset **)calloc(n + 1, sizeof **data)))
        PyErr_NoMemory();
    for (size_t k = 0; *data && k < n; k++) {
        void *p = NULL;
        if (!SWIG_IsOK(SWIG_ConvertPtr(PyTuple_GET_ITEM(d, (Py_ssize_t)k), &p,
                                       SWIGTYPE_p_egdi_dataset, 0)) || !p) {
            PyErr_Format(PyExc_TypeError, "panel: item %zu is not a dataset", k);
            free((void *)*data);
            *data = NULL;
        } else {
            (*data)[k] = (const egdi_dataset *)p;
        }
    }
    Py_XDECREF(d);
    return *data != NULL;
}

egdi_status egdi_py_panel_compute(PyObject *editions, PyObject *datasets,
                                  const egdi_dataset *countries, int allow_out_of_range,
                                  int allow_edition_mismatch, int computed, egdi_dataset **out)
{
    int *years = NULL;
    const egdi_dataset **data = NULL;
    size_t n = 0;
    if (!egdi_py_years(editions, &years, &n) || !egdi_py_datasets(datasets, n, &data)) {
        free(years);
        return EGDI_ERR_INVALID_ARG;
    }
    egdi_status st;
    Py_BEGIN_ALLOW_THREADS
    if (computed) {
        st = egdi_panel_from_tables(years, data, n, countries, out);
    } else {
        egdi_panel_options o = EGDI_PANEL_OPTIONS_INIT;
        o.countries = countries;
        o.allow_out_of_range = allow_out_of_range;
        o.allow_edition_mismatch = allow_edition_mismatch;
        st = egdi_panel_compute(years, data, n, &o, out);
    }
    Py_END_ALLOW_THREADS
    free(years);
    free((void *)data);
    return st;
}

egdi_status egdi_py_panel_compare(const egdi_dataset *panel, PyObject *editions, int sort,
                                  egdi_dataset **out)
{
    int *years = NULL;
    size_t n = 0;
    if (editions != Py_None && !egdi_py_years(editions, &years, &n))
        return EGDI_ERR_INVALID_ARG;
    egdi_status st;
    Py_BEGIN_ALLOW_THREADS
    st = egdi_panel_compare(panel, years, n, (egdi_panel_sort)sort, out);
    Py_END_ALLOW_THREADS
    free(years);
    return st;
}

PyObject *egdi_py_panel_changes_text(int a, int b)
{
    size_t len = 0;
    egdi_status st = egdi_panel_changes_text(a, b, NULL, 0, &len);
    if (st != EGDI_OK)
        return egdi_py_fail(st);
    char *buf = (char *)malloc(len + 1);
    if (!buf)
        return PyErr_NoMemory();
    st = egdi_panel_changes_text(a, b, buf, len + 1, NULL);
    PyObject *s = st == EGDI_OK ? PyUnicode_FromString(buf) : egdi_py_fail(st);
    free(buf);
    return s;
}
%}

%nothread egdi_py_panel_compute;
%nothread egdi_py_panel_compare;
%nothread egdi_py_panel_changes_text;

/** The panel of a list of editions and a list of datasets: the inputs computed
 *  (egdi_panel_compute(); computed = 0) or ranking tables stacked
 *  (egdi_panel_from_tables(); computed = 1); countries = the country table or None. */
egdi_status egdi_py_panel_compute(PyObject *editions, PyObject *datasets,
                                  const egdi_dataset *countries, int allow_out_of_range,
                                  int allow_edition_mismatch, int computed, egdi_dataset **out);
/** egdi_panel_compare() with the editions as a list (None = all of the panel's). */
egdi_status egdi_py_panel_compare(const egdi_dataset *panel, PyObject *editions, int sort,
                                  egdi_dataset **out);
/** egdi_panel_changes_text() as a str. */
PyObject *egdi_py_panel_changes_text(int a, int b);
