/* egdi index stats: (being written) */
#include "cmd_index.h"

int index_stats(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return tool_usage("index stats: not built yet");
}
