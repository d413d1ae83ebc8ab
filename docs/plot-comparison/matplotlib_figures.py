"""Draws the comparison figures of docs/plot-comparison.md with matplotlib's defaults.

The data match Examples/PlotGallery/Comparison.swift. Run it with the throw-away environment
that make-venv creates:  Benchmarks/.venv/bin/python docs/plot-comparison/matplotlib_figures.py
"""
import math
import os
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

# matplotlib falls back through this list glyph by glyph, so Chinese labels use Noto Sans CJK.
plt.rcParams["font.family"] = ["DejaVu Sans", "Noto Sans CJK SC"]
plt.rcParams["axes.unicode_minus"] = True

HERE = os.path.dirname(os.path.abspath(__file__))
CLASSES = ["T恤", "裤子", "套头衫", "连衣裙", "外套", "凉鞋", "衬衫", "运动鞋", "包", "短靴"]
CONFUSION = [
    [812, 4, 21, 38, 5, 1, 108, 0, 11, 0],
    [3, 962, 2, 24, 4, 0, 4, 0, 1, 0],
    [15, 1, 784, 10, 112, 0, 74, 0, 4, 0],
    [22, 8, 12, 891, 34, 0, 29, 0, 4, 0],
    [1, 1, 92, 33, 812, 0, 58, 0, 3, 0],
    [0, 0, 0, 1, 0, 958, 0, 27, 2, 12],
    [128, 2, 95, 32, 76, 0, 652, 0, 15, 0],
    [0, 0, 0, 0, 0, 16, 0, 958, 0, 26],
    [4, 1, 4, 5, 3, 2, 6, 4, 970, 1],
    [0, 0, 0, 0, 0, 7, 1, 36, 0, 956],
]


def save(figure, name):
    start = time.perf_counter()
    figure.tight_layout()
    figure.savefig(os.path.join(HERE, f"{name}-matplotlib.png"), dpi=100)
    print(f"{name}-matplotlib.png  {(time.perf_counter() - start) * 1000:.1f} ms")
    plt.close(figure)


epochs = np.arange(1, 21)
loss = 0.62 * np.exp(-epochs / 5) + 0.08 + 0.01 * np.sin(3 * epochs)
validation_loss = 0.55 * np.exp(-epochs / 3.5) + 0.0009 * (epochs - 4) ** 2 + 0.22 + 0.01 * np.cos(2 * epochs)

figure, axes = plt.subplots(figsize=(6.4, 4.2))
axes.plot(epochs, loss, "bo", label="训练损失")
axes.plot(epochs, validation_loss, "b", label="验证损失")
axes.set_title("训练损失和验证损失")
axes.set_xlabel("轮次")
axes.set_ylabel("损失")
axes.legend()
save(figure, "training-curves")

mean = 0.9 - 0.35 * np.exp(-epochs / 4)
spread = 0.01 + 0.03 * np.exp(-epochs / 6)
run_a = mean + 0.012 * np.sin(1.7 * epochs)
run_b = mean - 0.012 * np.cos(1.3 * epochs)
figure, axes = plt.subplots(figsize=(6.4, 4.2))
axes.fill_between(epochs, mean - 2 * spread, mean + 2 * spread, alpha=0.25, label="±2 个标准差")
axes.plot(epochs, mean, label="平均验证精度")
axes.plot(epochs, run_a, "--", label="第一次运行")
axes.plot(epochs, run_b, ":s", markersize=4, label="第二次运行")
axes.axhline(0.85, color="gray", linestyle="--", linewidth=1, label="基线 0.85")
axes.set_xlabel("轮次")
axes.set_ylabel("验证精度")
axes.grid(True)
axes.legend()
save(figure, "band-and-styles")

figure, axes = plt.subplots(figsize=(7.5, 6.4))
matrix = np.array(CONFUSION)
image = axes.imshow(matrix, cmap="viridis")
colorbar = figure.colorbar(image, ax=axes)
colorbar.set_label("样本数")
axes.set_xticks(range(10), CLASSES)
axes.set_yticks(range(10), CLASSES)
threshold = matrix.max() / 2
for row in range(10):
    for column in range(10):
        value = matrix[row, column]
        axes.text(column, row, str(value), ha="center", va="center", fontsize=8,
                  color="black" if value > threshold else "white")
axes.set_title("混淆矩阵")
axes.set_xlabel("预测类别")
axes.set_ylabel("真实类别")
save(figure, "confusion-matrix")

size = 224
ys, xs = np.mgrid[0:size, 0:size] / size
in_object = (xs - 0.62) ** 2 / 0.04 + (ys - 0.45) ** 2 / 0.07 < 1
photo = np.stack([
    np.where(in_object, 0.85, 0.35 + 0.3 * ys),
    np.where(in_object, 0.55, 0.55 + 0.2 * xs),
    np.where(in_object, 0.25, 0.75 - 0.3 * ys),
], axis=-1)
cam = np.array([[math.exp(-((x + 0.5 - 4.4) ** 2 + (y + 0.5 - 3.2) ** 2) / 2.5) for x in range(7)] for y in range(7)])
figure, axes = plt.subplots(1, 3, figsize=(10, 3.8))
axes[0].imshow(photo)
axes[0].set_title("原图")
axes[1].imshow(cam, cmap="jet")
axes[1].set_title("7×7 类激活热力图")
axes[2].imshow(photo)
axes[2].imshow(cam, cmap="jet", alpha=0.4, interpolation="bicubic", extent=(-0.5, size - 0.5, size - 0.5, -0.5))
axes[2].set_title("叠加结果")
for panel in axes:
    panel.axis("off")
save(figure, "grad-cam")
