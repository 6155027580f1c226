/* replay: runs a fuzz target over files, without libFuzzer. make check
 * builds each target with it (gcc, sanitizers) and replays the corpus
 * and the regression inputs in tests/fuzz/<target>/. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	int n = 0;
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (!f) {
			perror(argv[i]);
			return 2;
		}
		static uint8_t data[1 << 20];
		size_t size = fread(data, 1, sizeof data, f);
		fclose(f);
		LLVMFuzzerTestOneInput(data, size);
		n++;
	}
	printf("%d passed, 0 failed\n", n);
	return 0;
}
