/* main: tandem's entry point: hands argv to the command table. */
#include <stdio.h>

#include "cli/cli.h"

int main(int argc, char **argv)
{
	/* listings of 100,000 rows: one write per 64 KiB */
	static char out[1 << 16];
	setvbuf(stdout, out, _IOFBF, sizeof out);
	return cli_main(argc, argv);
}
