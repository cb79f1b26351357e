#!/usr/bin/python3
"""Generates the synthetic DICOM samples in this folder (no patient data: gradients, soft circles, smooth noise).

Run from the repository root:  /usr/bin/python3 dicom-samples/generate.py [output-dir]
Needs pydicom (2.x) and numpy; DCMTK's dcmcjpeg makes the two compressed samples. Output is deterministic
(fixed seed, fixed UIDs), so re-running it changes nothing unless the script changed.
"""
import os
import subprocess
import sys

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian, ImplicitVRLittleEndian

ROOT = "1.2.826.0.1.3680043.10.1413"  # synthetic sample UIDs
CT, MR, CR, DX, US, US_MF, SC, VL = (
    "1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.5.1.4.1.1.4", "1.2.840.10008.5.1.4.1.1.1",
    "1.2.840.10008.5.1.4.1.1.1.1", "1.2.840.10008.5.1.4.1.1.6.1", "1.2.840.10008.5.1.4.1.1.3.1",
    "1.2.840.10008.5.1.4.1.1.7", "1.2.840.10008.5.1.4.1.1.77.1.4")
rng = np.random.default_rng(1413)


def smooth(a, passes=3):
    """Box blur, repeated: takes the edges off so JPEG comparisons measure the renderer, not the encoder."""
    for _ in range(passes):
        a = (a + np.roll(a, 1, 0) + np.roll(a, -1, 0)) / 3.0
        a = (a + np.roll(a, 1, 1) + np.roll(a, -1, 1)) / 3.0
    return a


def disc(rows, cols, cy, cx, ry, rx, softness=3.0):
    y, x = np.mgrid[0:rows, 0:cols]
    d = np.sqrt(((y - cy) / ry) ** 2 + ((x - cx) / rx) ** 2)
    return 0.5 * (1 - np.tanh((d - 1) * min(ry, rx) / softness))


def smooth_noise(rows, cols, amplitude):
    return smooth(rng.normal(0, 1, (rows, cols)), 4) * amplitude


def base(sop_class, name, modality, series, instance=1):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = f"{ROOT}.3.{series}.{instance}"
    meta.ImplementationClassUID = f"{ROOT}.0"
    ds = Dataset()
    ds.file_meta = meta
    ds.SpecificCharacterSet = "ISO_IR 100"
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.StudyDate, ds.StudyTime = "20261121", "101500"
    ds.AccessionNumber = f"ACC{series:04d}"
    ds.Modality = modality
    ds.StudyDescription = "SYNTHETIC SAMPLE"
    ds.SeriesDescription = name
    ds.PatientName = "SAMPLE^SYNTHETIC"
    ds.PatientID = f"SAMPLE{series:03d}"
    ds.IssuerOfPatientID = "MEDGEMMA-HUB-SAMPLES"
    ds.PatientSex = "O"
    ds.StudyInstanceUID = f"{ROOT}.1.{series}"
    ds.SeriesInstanceUID = f"{ROOT}.2.{series}"
    ds.StudyID = str(series)
    ds.SeriesNumber = series
    ds.InstanceNumber = instance
    return ds


def pixels(ds, array, photometric, bits_stored=None, high_bit=None, signed=False, planar=None):
    array = np.asarray(array)
    ds.Rows, ds.Columns = array.shape[-3:-1] if array.ndim >= 3 and array.shape[-1] == 3 else array.shape[-2:]
    ds.SamplesPerPixel = 3 if photometric in ("RGB", "YBR_FULL", "YBR_FULL_422") else 1
    ds.PhotometricInterpretation = photometric
    bits = array.dtype.itemsize * 8
    ds.BitsAllocated = bits
    ds.BitsStored = bits_stored or bits
    ds.HighBit = high_bit if high_bit is not None else ds.BitsStored - 1
    ds.PixelRepresentation = 1 if signed else 0
    if ds.SamplesPerPixel == 3:
        ds.PlanarConfiguration = planar or 0
    if ds.SamplesPerPixel == 3 and planar == 1:
        array = np.moveaxis(array, -1, -3)  # frame, sample, row, column
    ds.PixelData = np.ascontiguousarray(array).astype(array.dtype.newbyteorder("<")).tobytes()


def save(ds, folder, name, syntax=ExplicitVRLittleEndian):
    ds.file_meta.TransferSyntaxUID = syntax
    ds.is_little_endian = True
    ds.is_implicit_VR = syntax == ImplicitVRLittleEndian
    path = os.path.join(folder, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    ds.save_as(path, write_like_original=False)
    return path


def ct_slice(index, rows=256, cols=256):
    """Hounsfield units: air outside, a soft-tissue body with a gradient, two lungs, a bone ring, a contrast vessel."""
    hu = np.full((rows, cols), -1000.0)
    body = disc(rows, cols, 128, 128, 100, 118)
    hu += body * (1040 + np.linspace(-20, 30, cols)[None, :])
    for cx in (80, 176):
        hu += disc(rows, cols, 118, cx, 55 - 3 * abs(index - 2), 38) * -830
    hu += (disc(rows, cols, 128, 128, 28, 28) - disc(rows, cols, 128, 128, 20, 20)) * 700
    hu += disc(rows, cols, 150, 128 + 6 * index, 9, 9) * 160
    return np.clip(smooth(hu, 2) + smooth_noise(rows, cols, 6), -1024, 3071)


def ct_series(folder):
    for i in range(5):
        ds = base(CT, "CT CHEST 5 SLICES", "CT", 1, i + 1)
        ds.BodyPartExamined = "CHEST"
        ds.SliceThickness = "5"
        ds.ImagePositionPatient = [-175.0, -175.0, -40.0 + 5 * (4 - i)]
        ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
        ds.PixelSpacing = [1.367, 1.367]
        ds.RescaleIntercept, ds.RescaleSlope, ds.RescaleType = "-1024", "1", "HU"
        ds.WindowCenter, ds.WindowWidth = ["40", "-600"], ["400", "1500"]
        ds.WindowCenterWidthExplanation = ["MEDIASTINUM", "LUNG"]
        pixels(ds, (ct_slice(i) + 1024).round().astype(np.uint16), "MONOCHROME2", 12)
        save(ds, folder, f"ct-chest/ct-slice-{i + 1}.dcm")


def ct_signed(folder):
    ds = base(CT, "CT SIGNED PIXELS", "CT", 2)
    ds.RescaleIntercept, ds.RescaleSlope = "0", "1"
    ds.WindowCenter, ds.WindowWidth = "-500", "1600"
    pixels(ds, ct_slice(2, 192, 192)[32:224:1, :].round().astype(np.int16)[:160], "MONOCHROME2", 12, signed=True)
    save(ds, folder, "ct-signed-12bit.dcm")


def mr(folder):
    ds = base(MR, "MR T1 AXIAL", "MR", 3)
    ds.BodyPartExamined = "HEAD"
    head = disc(256, 256, 128, 128, 110, 95) * 1400 + disc(256, 256, 128, 128, 90, 78) * 900
    head += disc(256, 256, 110, 100, 20, 14) * 600 - disc(256, 256, 150, 150, 16, 20) * 500
    head = np.clip(smooth(head, 2) + smooth_noise(256, 256, 25) + 40, 0, 65535)
    ds.WindowCenter, ds.WindowWidth = "1200", "2400"
    pixels(ds, head.round().astype(np.uint16), "MONOCHROME2")
    save(ds, folder, "mr-t1-16bit.dcm", ImplicitVRLittleEndian)


def chest_projection(rows, cols, top):
    y, x = np.mgrid[0:rows, 0:cols]
    image = 0.55 * top + 0.2 * top * (y / rows)
    for cx in (0.3, 0.7):
        image -= disc(rows, cols, rows * 0.45, cols * cx, rows * 0.32, cols * 0.16, 8) * 0.35 * top
    image += (np.abs(x - cols / 2) < cols * 0.04) * 0.3 * top
    return np.clip(smooth(image, 4) + smooth_noise(rows, cols, top * 0.01), 0, top)


def cr(folder):
    ds = base(CR, "CR CHEST PA", "CR", 4)
    ds.BodyPartExamined = "CHEST"
    lut = (4095 / (1 + np.exp(-(np.arange(4096) - 2048) / 500.0))).round().astype(np.uint16)
    item = Dataset()
    item.LUTDescriptor = [4096, 0, 12]
    item.LUTExplanation = "SIGMOID"
    item.add_new(0x00283006, "US", lut.tolist())  # LUT Data, US so every syntax keeps its words
    ds.VOILUTSequence = Sequence([item])
    pixels(ds, chest_projection(320, 256, 4095).round().astype(np.uint16), "MONOCHROME1", 12)
    save(ds, folder, "cr-chest-monochrome1.dcm")


def dx(folder):
    ds = base(DX, "DX HAND", "DX", 5)
    ds.BodyPartExamined = "HAND"
    values = chest_projection(256, 320, 16383).round().astype(np.uint16)
    values |= (rng.integers(0, 4, values.shape).astype(np.uint16) << 14)  # junk above BitsStored 14
    ds.WindowCenter, ds.WindowWidth = "8000", "12000"
    ds.ImageType = ["ORIGINAL", "PRIMARY"]
    ds.PresentationIntentType = "FOR PRESENTATION"
    pixels(ds, values, "MONOCHROME2", 14)
    save(ds, folder, "dx-hand-14bit.dcm")


def colour_scene(rows, cols, shift=0, noise=2):
    y, x = np.mgrid[0:rows, 0:cols] / max(rows, cols)
    r = 40 + 160 * x + 40 * disc(rows, cols, rows * 0.5, cols * (0.4 + shift), rows * 0.25, cols * 0.2, 6)
    g = 30 + 120 * y + 90 * disc(rows, cols, rows * 0.6, cols * 0.6, rows * 0.2, cols * 0.25, 6)
    b = 60 + 80 * (1 - x) * y + 60 * disc(rows, cols, rows * 0.3, cols * 0.7, rows * 0.15, cols * 0.1, 6)
    rgb = np.stack([smooth(c, 2) + smooth_noise(rows, cols, noise) for c in (r, g, b)], -1)
    return np.clip(rgb, 0, 255).round().astype(np.uint8)


def ultrasound(folder):
    scene = colour_scene(240, 320)  # the same pixels in both planar configurations
    for planar in (0, 1):
        ds = base(US, f"US RGB PLANAR {planar}", "US", 6 + planar)
        pixels(ds, scene, "RGB", planar=planar)
        save(ds, folder, f"us-rgb-planar{planar}.dcm")
    ds = base(US_MF, "US CINE 6 FRAMES", "US", 8)
    frames = np.stack([smooth(colour_scene(120, 160, 0.05 * f, 1).astype(np.float64), 2).round().astype(np.uint8)
                       for f in range(6)])
    ds.NumberOfFrames = 6
    ds.FrameTime = "33.3"
    pixels(ds, frames, "RGB")
    save(ds, folder, "us-multiframe-rgb.dcm")


def to_ybr_full(rgb):
    """PS3.3 C.7.6.3.1.2: YBR_FULL from RGB."""
    r, g, b = (rgb[..., i].astype(np.float64) for i in range(3))
    y = 0.299 * r + 0.587 * g + 0.114 * b
    cb = -0.168736 * r - 0.331264 * g + 0.5 * b + 128
    cr = 0.5 * r - 0.418688 * g - 0.081312 * b + 128
    return np.clip(np.stack([y, cb, cr], -1), 0, 255).round().astype(np.uint8)


def ybr(folder):
    ds = base(VL, "VL PHOTO YBR_FULL", "XC", 9)
    pixels(ds, to_ybr_full(colour_scene(192, 256)), "YBR_FULL")
    save(ds, folder, "vl-ybr-full.dcm")
    ds = base(US, "US YBR_FULL_422", "US", 10)
    full = to_ybr_full(colour_scene(192, 256)).astype(np.float64)
    pairs = full.reshape(192, 128, 2, 3)
    packed = np.empty((192, 128, 4), dtype=np.uint8)  # Y1 Y2 Cb Cr for each horizontal pair (PS3.3 C.7.6.3.1.2)
    packed[..., 0], packed[..., 1] = pairs[:, :, 0, 0], pairs[:, :, 1, 0]
    packed[..., 2] = pairs[:, :, :, 1].mean(2).round()
    packed[..., 3] = pairs[:, :, :, 2].mean(2).round()
    ds.Rows, ds.Columns, ds.SamplesPerPixel = 192, 256, 3
    ds.PhotometricInterpretation, ds.PlanarConfiguration = "YBR_FULL_422", 0
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 8, 8, 7, 0
    ds.PixelData = packed.tobytes()
    save(ds, folder, "us-ybr-full-422.dcm")


def secondary_capture(folder):
    ds = base(SC, "SECONDARY CAPTURE 8 BIT", "OT", 11)
    ds.ConversionType = "WSD"
    image = chest_projection(256, 256, 200) + 30
    pixels(ds, np.clip(image, 0, 255).round().astype(np.uint8), "MONOCHROME2")
    save(ds, folder, "sc-gray-8bit-no-window.dcm")


def compressed(folder):
    """One compressed sample of each common kind, made with DCMTK (the test suite makes every other variant)."""
    subprocess.run(["dcmcjpeg", "+eb", os.path.join(folder, "us-rgb-planar0.dcm"),
                    os.path.join(folder, "us-rgb-jpeg-baseline.dcm")], check=True)
    subprocess.run(["dcmcjpeg", "+e1", os.path.join(folder, "mr-t1-16bit.dcm"),
                    os.path.join(folder, "mr-t1-jpeg-lossless-sv1.dcm")], check=True)


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    for make in (ct_series, ct_signed, mr, cr, dx, ultrasound, ybr, secondary_capture, compressed):
        make(folder)
    print("samples written to", folder, "with pydicom", pydicom.__version__)


if __name__ == "__main__":
    main()
