"""optim_lib: the small numpy library behind the book on optimizers.

The chapters derive each method from scratch and then use the library
version, which the tests check against PyTorch's torch.optim.
"""

from optim_lib.train import Trajectory, run

__all__ = ["Trajectory", "run"]
