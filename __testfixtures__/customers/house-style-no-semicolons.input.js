import express from "express"
import { db } from "../lib/db.js"

export const router = express.Router()

router.post("/signup", async (req, res) => {
    const { email, name } = req.body
    const user = await db.user.create({ data: { email, name } })
    res.status(201).json({ id: user.id })
})
