#!/usr/bin/python3
"""Makes the DICOM benchmark corpus in a temporary folder (bench/run does this at run time; nothing is committed).

    /usr/bin/python3 bench/dicom-corpus.py OUT_DIR CT_SLICES CR_IMAGES [COPIES]

OUT_DIR/intake/C/ct    CT_SLICES CT slices 512x512, 16-bit signed, one series (what storescu pushes)
OUT_DIR/intake/C/cr    CR_IMAGES CR images 2000x2500, 12 bits stored, one series each
                       C = 1..COPIES (default 1): the same pixels under new UIDs, so every push is new to the hub
                       (a re-sent SOP Instance UID is a duplicate the hub drops, which would flatter it)
OUT_DIR/render/        one file per rendering case: ct.dcm, cr.dcm, us-rgb.dcm (640x480), ct-jpeg-lossless.dcm
                       (ct.dcm through dcmcjpeg +e1, JPEG lossless SV1), and tiny.dcm (1x1, for process start cost)
Synthetic content only (gradients and noise), explicit VR little endian; needs pydicom and numpy.
"""
import os
import subprocess
import sys

import numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian

ROOT = "1.2.826.0.1.3680043.10.1413.9"  # synthetic benchmark UIDs
CT, CR, US = "1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.5.1.4.1.1.1", "1.2.840.10008.5.1.4.1.1.6.1"
rng = np.random.default_rng(7)


def dataset(sop_class, modality, series, instance):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = f"{ROOT}.3.{series}.{instance}"
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    meta.ImplementationClassUID = f"{ROOT}.0"
    ds = Dataset()
    ds.file_meta = meta
    ds.is_little_endian, ds.is_implicit_VR = True, False
    ds.SOPClassUID, ds.SOPInstanceUID = sop_class, meta.MediaStorageSOPInstanceUID
    ds.Modality = modality
    ds.PatientName, ds.PatientID = "BENCH^SYNTHETIC", f"BENCH{series:03d}"
    ds.StudyInstanceUID, ds.SeriesInstanceUID = f"{ROOT}.1.{series}", f"{ROOT}.2.{series}"
    ds.AccessionNumber, ds.StudyDescription = f"BENCH{series:04d}", "BENCHMARK"
    ds.SeriesNumber, ds.InstanceNumber = series, instance
    return ds


def gray(ds, array, bits_stored, signed, center, width):
    ds.Rows, ds.Columns = array.shape
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit = 16, bits_stored, bits_stored - 1
    ds.PixelRepresentation = 1 if signed else 0
    ds.WindowCenter, ds.WindowWidth = center, width
    ds.PixelData = array.astype("<i2" if signed else "<u2").tobytes()


def ct(series, instance, base):
    ds = dataset(CT, "CT", series, instance)
    ds.ImagePositionPatient = [-250.0, -250.0, float(instance) * 1.25]
    ds.ImageOrientationPatient = [1.0, 0.0, 0.0, 0.0, 1.0, 0.0]
    ds.PixelSpacing, ds.SliceThickness = [0.98, 0.98], 1.25
    ds.RescaleIntercept, ds.RescaleSlope = -1024.0, 1.0
    gray(ds, base + (instance % 50) * 4, 16, True, 40, 400)
    return ds


def write(ds, path):
    ds.save_as(path, write_like_original=False)


def main(out, ct_slices, cr_images, copies):
    os.makedirs(os.path.join(out, "render"), exist_ok=True)
    y, x = np.mgrid[0:512, 0:512]
    body = ((y - 256) ** 2 + (x - 256) ** 2 < 220 ** 2) * 1000 + 24
    ct_base = (body + rng.integers(0, 60, (512, 512))).astype(np.int32)
    y, x = np.mgrid[0:2500, 0:2000]
    cr_base = ((y * 3 + x) % 4096 // 2 + 1000).astype(np.int32)
    cr_pixels = [np.clip(cr_base + rng.integers(0, 200, (2500, 2000)), 0, 4095) for _ in range(min(cr_images, 4))]
    for copy in range(1, copies + 1):
        folder = os.path.join(out, "intake", str(copy))
        os.makedirs(os.path.join(folder, "ct"), exist_ok=True)
        os.makedirs(os.path.join(folder, "cr"), exist_ok=True)
        for i in range(1, ct_slices + 1):
            write(ct(1000 * copy + 1, i, ct_base), os.path.join(folder, "ct", f"ct{i:04d}.dcm"))
        for i in range(1, cr_images + 1):
            ds = dataset(CR, "CR", 1000 * copy + 100 + i, 1)
            gray(ds, cr_pixels[i % len(cr_pixels)], 12, False, 2048, 4096)
            write(ds, os.path.join(folder, "cr", f"cr{i:03d}.dcm"))
    render = os.path.join(out, "render")
    write(ct(200, 1, ct_base), os.path.join(render, "ct.dcm"))
    subprocess.run(["dcmcjpeg", "+e1", os.path.join(render, "ct.dcm"), os.path.join(render, "ct-jpeg-lossless.dcm")],
                   check=True)
    ds = dataset(CR, "CR", 201, 1)
    gray(ds, np.clip(cr_base + rng.integers(0, 200, (2500, 2000)), 0, 4095), 12, False, 2048, 4096)
    write(ds, os.path.join(render, "cr.dcm"))
    ds = dataset(US, "US", 202, 1)
    ds.Rows, ds.Columns, ds.SamplesPerPixel, ds.PhotometricInterpretation = 480, 640, 3, "RGB"
    ds.PlanarConfiguration, ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 0, 8, 8, 7, 0
    ds.PixelData = rng.integers(0, 256, (480, 640, 3), dtype=np.uint8).tobytes()
    write(ds, os.path.join(render, "us-rgb.dcm"))
    ds = dataset(CT, "CT", 203, 1)
    gray(ds, np.zeros((1, 1), dtype=np.int32), 16, True, 40, 400)
    write(ds, os.path.join(render, "tiny.dcm"))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) > 4 else 1)
