/* egdi index: (being written) */
#include "egdi_tool.h"

int cmd_index(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return tool_usage("index: not built yet");
}
