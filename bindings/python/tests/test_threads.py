"""The compiled module releases the GIL around C calls; distinct handles in
distinct threads give the same results as one thread."""
import faulthandler
import os
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


def test_gil_is_released_inside_c_calls(tmp_path):
    """A reader thread blocks inside libegdi opening a FIFO. This thread can only
    run and write to the FIFO if that C call released the GIL; if it did not, the
    two threads deadlock and faulthandler ends the process after 60 s (a failure)."""
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    result = {}
    faulthandler.dump_traceback_later(60, exit=True)
    try:
        reader = threading.Thread(target=lambda: result.setdefault("df", egdi.read_csv(fifo)))
        reader.start()
        with open(fifo, "w") as f:
            f.write("name,x\nA,1\nB,2\n")
        reader.join()
    finally:
        faulthandler.cancel_dump_traceback_later()
    assert list(result["df"]["x"]) == [1.0, 2.0]
