"""Export trained folders to run elsewhere: ONNX for encoders (`onnx.py`), GGUF for llama.cpp
and Ollama (`gguf.py`). Each export checks its own result against the PyTorch folder."""
