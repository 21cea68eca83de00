"""The compiled module releases the GIL around C calls; distinct handles in
distinct threads give the same results as one thread."""
import threading

import egdi
from conftest import un_file


def test_parallel_computations_agree():
    df = egdi.read_un_csv(un_file(2024))
    want = egdi.compute(df, edition=2024)
    results, errors = [None] * 4, []

    def work(k):
        try:
            for _ in range(20):
                results[k] = egdi.compute(df, edition=2024)
        except Exception as e:      # surfaced below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    for r in results:
        assert r.equals(want)


def test_swig_module_is_built_with_threads():
    # swig -threads wraps each C call in Py_BEGIN/END_ALLOW_THREADS
    import egdi._egdi as m
    assert "thread" in (m.__doc__ or "") or hasattr(m, "_egdi_c")
